package org.wedops.planner.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A seasonal forecast of a service's requests per hour: the mean of the same hour of the week over the last
 * {@code weeks} weeks that have data (hours are UTC, so a DST change shifts local traffic by an hour for the
 * weeks that straddle it). Its error is measured the honest way: for each hour of a past week, the forecast made
 * only from the weeks before it, against what really came.
 */
public final class SeasonalForecast {

    static final Duration WEEK = Duration.ofDays(7);
    private static final int HOURS_IN_A_WEEK = 168;

    private final Map<Instant, Long> requestsPerHour;
    private final int weeks;

    /** @param requestsPerHour requests by hour start; an hour without data is absent, not zero */
    public SeasonalForecast(Map<Instant, Long> requestsPerHour, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1");
        }
        this.requestsPerHour = Map.copyOf(requestsPerHour);
        this.weeks = weeks;
    }

    /** Requests forecast for the hour that starts at {@code hourStart}; null when none of the weeks before has that hour. */
    public Double forecast(Instant hourStart) {
        double sum = 0;
        int seen = 0;
        for (int week = 1; week <= weeks; week++) {
            Long past = requestsPerHour.get(hourStart.minus(WEEK.multipliedBy(week)));
            if (past != null) {
                sum += past;
                seen++;
            }
        }
        return seen == 0 ? null : sum / seen;
    }

    /**
     * The forecast's error over the week that starts at {@code weekStart}, on the hours that have both a forecast and
     * an actual.
     *
     * @param meanAbsolutePercentageError null when no hour had traffic to compare with
     */
    public record WeekError(Instant weekStart, int hours, double meanAbsoluteError, Double meanAbsolutePercentageError) {
    }

    public WeekError errorOver(Instant weekStart) {
        int hours = 0;
        int withTraffic = 0;
        double absolute = 0;
        double percentage = 0;
        for (int hour = 0; hour < HOURS_IN_A_WEEK; hour++) {
            Instant start = weekStart.plus(Duration.ofHours(hour));
            Long actual = requestsPerHour.get(start);
            Double forecast = forecast(start);
            if (actual == null || forecast == null) {
                continue;
            }
            hours++;
            absolute += Math.abs(forecast - actual);
            if (actual > 0) {
                withTraffic++;
                percentage += Math.abs(forecast - actual) / actual;
            }
        }
        return new WeekError(weekStart, hours, hours == 0 ? 0 : absolute / hours, withTraffic == 0 ? null : 100 * percentage / withTraffic);
    }
}
