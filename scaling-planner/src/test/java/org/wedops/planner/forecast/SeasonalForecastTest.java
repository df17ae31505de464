package org.wedops.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SeasonalForecastTest {

    private static final Instant SATURDAY_14H = Instant.parse("2026-06-06T14:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void anHourIsForecastAsTheMeanOfTheSameHourInThePastWeeksThatHaveData() {
        Map<Instant, Long> history = new HashMap<>();
        history.put(SATURDAY_14H.minus(WEEK), 6000L);
        history.put(SATURDAY_14H.minus(WEEK.multipliedBy(2)), 3000L);
        history.put(SATURDAY_14H.minus(WEEK.multipliedBy(5)), 99_000L); // beyond the 4 weeks

        SeasonalForecast forecast = new SeasonalForecast(history, 4);

        assertThat(forecast.forecast(SATURDAY_14H)).isEqualTo(4500.0);
        assertThat(forecast.forecast(SATURDAY_14H.plus(Duration.ofHours(1)))).isNull();
    }

    @Test
    void theErrorOfAPastWeekComparesWhatCameWithWhatTheWeeksBeforeItForecast() {
        Map<Instant, Long> history = new HashMap<>();
        Instant lastWeek = SATURDAY_14H.minus(WEEK);
        history.put(lastWeek, 1200L);                            // came
        history.put(lastWeek.minus(WEEK), 1000L);                // forecast from these two: 1000
        history.put(lastWeek.minus(WEEK.multipliedBy(2)), 1000L);
        history.put(lastWeek.plus(Duration.ofHours(1)), 0L);     // no forecast for this hour: not compared

        SeasonalForecast.WeekError error = new SeasonalForecast(history, 4).errorOver(lastWeek.minus(Duration.ofHours(5)));

        assertThat(error.hours()).isEqualTo(1);
        assertThat(error.meanAbsoluteError()).isEqualTo(200.0);
        assertThat(error.meanAbsolutePercentageError()).isCloseTo(16.67, Offset.offset(0.01));
    }
}
