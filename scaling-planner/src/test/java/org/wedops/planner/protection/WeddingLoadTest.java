package org.wedops.planner.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

class WeddingLoadTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate SATURDAY = LocalDate.parse("2026-06-06");

    /** Stretches as {@code from>to:level:load}, local London times on or around the Saturday ("-" for open-ended). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                   | stretches                                                              | cut to the day                              | peak | peak at | highest
            a quiet day: one stretch cut to both ends     | 2026-06-05T18:00>2026-06-08T06:00:HIGH:0                                | 00:00>24:00                                 | 0.0  | 00:00   | HIGH
            the peak is the highest load and where it began | 2026-06-05T18:00>2026-06-06T12:00:HIGH:0,2026-06-06T12:00>2026-06-06T16:00:MAXIMUM:3.5,2026-06-06T16:00>2026-06-07T01:00:HIGH:1.0 | 00:00>12:00,12:00>16:00,16:00>24:00 | 3.5 | 12:00 | MAXIMUM
            of two equal peaks the first counts           | 2026-06-06T00:00>2026-06-06T10:00:NORMAL:2.0,2026-06-06T10:00>2026-06-06T11:00:NORMAL:0,2026-06-06T11:00>2026-06-07T00:00:NORMAL:2.0 | 00:00>10:00,10:00>11:00,11:00>24:00 | 2.0 | 00:00 | NORMAL
            a stretch open past the horizon ends with the day | 2026-06-06T09:00>-:EMERGENCY:1.2                                   | 09:00>24:00                                 | 1.2  | 09:00   | EMERGENCY
            """)
    void theDayIsCutIntoStretchesWithItsPeakAndHighestLevel(String situation, String stretches, String cut, double peak, String peakAt,
                                                            ProtectionLevel highest) {
        List<Protection> overlapping = new ArrayList<>();
        for (String stretch : stretches.split(",")) {
            String[] parts = stretch.split(":(?=[A-Z])|(?<=[A-Z]):");
            String[] span = parts[0].split(">");
            overlapping.add(stretch(local(span[0]), span[1].equals("-") ? null : local(span[1]), ProtectionLevel.valueOf(parts[1]),
                    Double.parseDouble(parts[2])));
        }

        WeddingLoad load = WeddingLoad.of("uk", LONDON, SATURDAY, overlapping);

        assertThat(load.stretches()).extracting(s -> time(s.from()) + ">" + time(s.to())).containsExactly(cut.split(","));
        assertThat(load.peakLoad()).isEqualTo(peak);
        assertThat(time(load.peakAt())).isEqualTo(peakAt);
        assertThat(load.highestLevel()).isEqualTo(highest);
        assertThat(load.timeZone()).isEqualTo("Europe/London");
        assertThat(load.date()).isEqualTo(SATURDAY);
    }

    @ParameterizedTest(name = "{0} on {1}: {2} h")
    @CsvSource(textBlock = """
            Europe/London,    2026-03-29, 23
            Europe/London,    2026-10-25, 25
            Europe/London,    2026-06-06, 24
            Australia/Sydney, 2026-04-05, 25
            """)
    void aLocalDayRunsFromMidnightToMidnightAcrossDaylightSavingChanges(ZoneId zone, LocalDate date, long hours) {
        Interval day = WeddingLoad.localDay(date, zone);

        assertThat(day.start()).isEqualTo(date.atStartOfDay(zone).toInstant());
        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void whatIsReadAroundADateHoldsThatDayInTheEarliestAndTheLatestZones() {
        Interval read = WeddingLoad.readAround(SATURDAY);

        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata")) {
            Interval day = WeddingLoad.localDay(SATURDAY, ZoneId.of(zone));
            assertThat(read.start()).as(zone).isBeforeOrEqualTo(day.start());
            assertThat(read.end()).as(zone).isAfterOrEqualTo(day.end());
        }
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
    }

    /** Local time of day; the day's end shows as 24:00. */
    private static String time(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, LONDON);
        return local.toLocalDate().isAfter(SATURDAY) ? "24:00" : local.toLocalTime().toString();
    }

    private static Protection stretch(Instant from, Instant to, ProtectionLevel level, double load) {
        return new Protection("uk", LONDON, from, to, level, level, ThresholdProfile.WEDDING_DAY, true, null, load > 0, true, true, false,
                load, load > 0 ? 1 : 0, List.of("test"));
    }
}
