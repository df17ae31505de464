package org.wedops.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MutingTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final WeeklyWindow OFFICE_HOURS = new WeeklyWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final WeeklyWindow OVERNIGHT = new WeeklyWindow(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0));

    @ParameterizedTest(name = "{0}: inside={1}, ends {2}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-06-08T08:30:00Z, true,  2026-06-08T16:00:00Z
            2026-06-08T07:59:00Z, false, -
            2026-06-08T16:00:00Z, false, -
            2026-06-13T10:00:00Z, false, -
            2026-01-12T16:30:00Z, true,  2026-01-12T17:00:00Z
            2026-03-30T08:00:00Z, true,  2026-03-30T16:00:00Z
            """)
    void officeHoursAreLondonTimeAcrossSummerAndWinter(Instant at, boolean inside, Instant end) {
        assertThat(OFFICE_HOURS.contains(at, LONDON)).isEqualTo(inside);
        assertThat(OFFICE_HOURS.currentEnd(at, LONDON)).isEqualTo(Optional.ofNullable(end));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            2026-06-13T21:30:00Z, 2026-06-14T01:00:00Z
            2026-06-14T00:30:00Z, 2026-06-14T01:00:00Z
            2026-06-14T01:30:00Z, -
            """)
    void aWindowPastMidnightBelongsToTheDayItStarted(Instant at, Instant end) {
        assertThat(OVERNIGHT.currentEnd(at, LONDON)).isEqualTo(Optional.ofNullable(end));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            2026-06-08T10:00:00Z, 2026-06-08T16:00:00Z, -
            2026-06-08T18:00:00Z, -,                    2026-06-09T08:00:00Z
            2026-06-13T12:00:00Z, -,                    2026-06-15T08:00:00Z
            """)
    void aRouteIsMutedInsideItsMuteIntervalsAndOutsideItsActiveOnes(Instant at, Instant mutedUntilWithMute, Instant mutedUntilWithActive) {
        TimeInterval office = new TimeInterval("office-hours", null, java.util.List.of(OFFICE_HOURS));
        RoutingConfig config = new RoutingConfig(null, Map.of(), java.util.List.of(), Map.of(), Map.of("office-hours", office));

        assertThat(Muting.mutedUntil(route(java.util.List.of("office-hours"), java.util.List.of()), config, at, LONDON))
                .isEqualTo(Optional.ofNullable(mutedUntilWithMute));
        assertThat(Muting.mutedUntil(route(java.util.List.of(), java.util.List.of("office-hours")), config, at, LONDON))
                .isEqualTo(Optional.ofNullable(mutedUntilWithActive));
    }

    private static Route route(java.util.List<String> mute, java.util.List<String> active) {
        return new Route("root", "team", java.util.List.of(), false, java.util.List.of(), java.time.Duration.ZERO, java.time.Duration.ofMinutes(1),
                java.time.Duration.ofHours(1), null, null, mute, active, java.util.List.of());
    }
}
