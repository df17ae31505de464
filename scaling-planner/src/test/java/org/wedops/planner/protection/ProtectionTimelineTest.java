package org.wedops.planner.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

class ProtectionTimelineTest {

    private static final ProtectionPolicy POLICY = ProtectionPolicy.defaults();

    /**
     * Weddings are written id/CULTURE/factor/guests/date/start/end/days, separated by ';'. Times in the expectations
     * are UTC; the comments give the local clock.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # scenario                                             | zone             | weddings                                                          | emergency | at                   | level     | freeze | freeze until         | wedding | profile     | load | next change
            ordinary Tuesday in winter                             | Europe/London    | -                                                                 | -         | 2026-02-10T10:00:00Z | NORMAL    | false  | -                    | false   | STANDARD    | 0.0  | 2026-02-13T18:00:00Z
            ordinary Saturday in winter: HIGH and weekend freeze   | Europe/London    | -                                                                 | -         | 2026-02-14T12:00:00Z | HIGH      | true   | 2026-02-16T06:00:00Z | false   | WEDDING_DAY | 0.0  | 2026-02-15T00:00:00Z
            ordinary Saturday in peak season (BST)                 | Europe/London    | -                                                                 | -         | 2026-06-13T12:00:00Z | HIGH      | true   | 2026-06-15T05:00:00Z | false   | WEDDING_DAY | 0.0  | 2026-06-13T23:00:00Z
            Friday-evening wedding in London, 14:30 before window  | Europe/London    | w-fri/BRITISH/1.0/600/2026-06-12/17:00/22:00/1                   | -         | 2026-06-12T13:30:00Z | NORMAL    | false  | -                    | false   | PEAK_SEASON | 0.0  | 2026-06-12T14:00:00Z
            Friday-evening wedding, 15:30 window joins the weekend | Europe/London    | w-fri/BRITISH/1.0/600/2026-06-12/17:00/22:00/1                   | -         | 2026-06-12T14:30:00Z | NORMAL    | true   | 2026-06-15T05:00:00Z | false   | PEAK_SEASON | 0.0  | 2026-06-12T16:00:00Z
            Friday-evening wedding in progress at 18:30            | Europe/London    | w-fri/BRITISH/1.0/600/2026-06-12/17:00/22:00/1                   | -         | 2026-06-12T17:30:00Z | HIGH      | true   | 2026-06-15T05:00:00Z | true    | WEDDING_DAY | 6.0  | 2026-06-12T21:00:00Z
            multi-day Indian wedding, night between its days       | Asia/Kolkata     | w-in/INDIAN/2.0/800/2026-11-10/10:00/23:00/3                     | -         | 2026-11-10T22:00:00Z | HIGH      | true   | 2026-11-12T19:30:00Z | true    | WEDDING_DAY | 16.0 | 2026-11-12T17:30:00Z
            multi-day Indian wedding and a second one: MAXIMUM     | Asia/Kolkata     | w-in/INDIAN/2.0/800/2026-11-10/10:00/23:00/3;w-in2/INDIAN/2.0/300/2026-11-11/12:00/18:00/1 | - | 2026-11-11T08:00:00Z | MAXIMUM | true | 2026-11-12T19:30:00Z | true | WEDDING_DAY | 22.0 | 2026-11-11T12:30:00Z
            multi-day Indian wedding, after its window             | Asia/Kolkata     | w-in/INDIAN/2.0/800/2026-11-10/10:00/23:00/3                     | -         | 2026-11-12T20:00:00Z | NORMAL    | false  | -                    | false   | STANDARD    | 0.0  | 2026-11-13T12:30:00Z
            DST spring Saturday: freeze ends Monday 06:00 BST      | Europe/London    | -                                                                 | -         | 2026-03-28T12:00:00Z | HIGH      | true   | 2026-03-30T05:00:00Z | false   | WEDDING_DAY | 0.0  | 2026-03-29T00:00:00Z
            DST spring Sunday (23 h) runs into Monday morning      | Europe/London    | -                                                                 | -         | 2026-03-29T12:00:00Z | NORMAL    | true   | 2026-03-30T05:00:00Z | false   | STANDARD    | 0.0  | 2026-03-30T05:00:00Z
            DST autumn Saturday: freeze ends Monday 06:00 GMT      | Europe/London    | -                                                                 | -         | 2026-10-24T12:00:00Z | HIGH      | true   | 2026-10-26T06:00:00Z | false   | WEDDING_DAY | 0.0  | 2026-10-24T23:00:00Z
            wedding across the spring-forward night ends 03:00 BST | Europe/London    | w-dst/BRITISH/1.0/500/2026-03-28/20:00/03:00/1                   | -         | 2026-03-29T01:30:00Z | HIGH      | true   | 2026-03-30T05:00:00Z | true    | WEDDING_DAY | 5.0  | 2026-03-29T02:00:00Z
            wedding across the fall-back night ends at later 01:30 | Europe/London    | w-oct/BRITISH/1.0/200/2026-10-24/20:00/01:30/1                   | -         | 2026-10-25T01:15:00Z | NORMAL    | true   | 2026-10-26T06:00:00Z | true    | WEDDING_DAY | 2.0  | 2026-10-25T01:30:00Z
            wedding crossing midnight on a Wednesday in New York   | America/New_York | w-ny/JEWISH/1.3/400/2026-07-08/19:00/02:00/1                     | -         | 2026-07-09T05:30:00Z | HIGH      | true   | 2026-07-09T08:00:00Z | true    | WEDDING_DAY | 5.2  | 2026-07-09T06:00:00Z
            cancelled Friday wedding releases its window           | Europe/London    | -                                                                 | -         | 2026-06-12T15:00:00Z | NORMAL    | false  | -                    | false   | PEAK_SEASON | 0.0  | 2026-06-12T17:00:00Z
            emergency on: EMERGENCY and frozen with no end         | Europe/London    | -                                                                 | power cut | 2026-02-10T10:00:00Z | EMERGENCY | true   | -                    | false   | STANDARD    | 0.0  | 2026-02-13T18:00:00Z
            emergency off: back to the calendar's level            | Europe/London    | -                                                                 | -         | 2026-02-10T10:00:00Z | NORMAL    | false  | -                    | false   | STANDARD    | 0.0  | 2026-02-13T18:00:00Z
            emergency during a Saturday keeps the weekend's end    | Europe/London    | -                                                                 | power cut | 2026-02-14T12:00:00Z | EMERGENCY | true   | 2026-02-16T06:00:00Z | false   | WEDDING_DAY | 0.0  | 2026-02-15T00:00:00Z
            """)
    void protectionAtAnInstant(String scenario, String zone, String weddings, String emergency, Instant at, ProtectionLevel level,
                               boolean freeze, Instant freezeUntil, boolean weddingActive, ThresholdProfile profile, double load,
                               Instant nextChange) {
        ZoneId zoneId = ZoneId.of(zone);
        RegionCalendar calendar = new RegionCalendar("r", zoneId, weddings(weddings, zoneId),
                emergency == null ? null : new Emergency(emergency, "ops-admin", at.minusSeconds(60)));

        Protection protection = ProtectionTimeline.compute(POLICY, calendar, at, at.plus(Duration.ofDays(14))).at(at);

        assertThat(protection.level()).as("level").isEqualTo(level);
        assertThat(protection.freezeActive()).as("freeze").isEqualTo(freeze);
        assertThat(protection.freezeUntil()).as("freeze until").isEqualTo(freezeUntil);
        assertThat(protection.weddingActive()).as("wedding active").isEqualTo(weddingActive);
        assertThat(protection.profile()).as("profile").isEqualTo(profile);
        assertThat(protection.weddingLoad()).as("load").isEqualTo(load);
        assertThat(protection.nextChangeAt()).as("next change").isEqualTo(nextChange);
    }

    @Test
    void reasonsSayWhyInAStableOrder() {
        ZoneId london = ZoneId.of("Europe/London");
        RegionCalendar calendar = new RegionCalendar("uk", london, weddings("w-fri/BRITISH/1.0/600/2026-06-12/17:00/22:00/1", london), null);
        Instant at = Instant.parse("2026-06-12T17:30:00Z");

        Protection protection = ProtectionTimeline.compute(POLICY, calendar, at, at.plus(Duration.ofDays(14))).at(at);

        assertThat(protection.reasons()).containsExactly("weekend freeze", "wedding w-fri (BRITISH, 600 guests)", "wedding load 6.0",
                "peak season");
        assertThat(protection.activeWeddings()).isEqualTo(1);
    }

    @Test
    void theTimelineIsUnbrokenAndEachStretchEndsWhereTheNextBegins() {
        ZoneId london = ZoneId.of("Europe/London");
        RegionCalendar calendar = new RegionCalendar("uk", london,
                weddings("w-1/INDIAN/2.0/600/2026-03-27/12:00/02:00/2;w-2/GREEK/1.4/250/2026-03-28/15:00/23:00/1", london), null);
        Instant from = Instant.parse("2026-03-23T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(14));

        List<Protection> stretches = ProtectionTimeline.compute(POLICY, calendar, from, to).stretches();

        assertThat(stretches.get(0).from()).isEqualTo(from);
        for (int i = 1; i < stretches.size(); i++) {
            assertThat(stretches.get(i).from()).isEqualTo(stretches.get(i - 1).nextChangeAt());
            assertThat(stretches.get(i).sameStateAs(stretches.get(i - 1))).as("adjacent stretches differ").isFalse();
        }
        assertThat(stretches.get(stretches.size() - 1).nextChangeAt()).isNull();
    }

    @Test
    void peakSeasonIsConfigurableAndMayWrapTheYear() {
        ProtectionPolicy southern = POLICY.withPeakSeason(Month.NOVEMBER, Month.FEBRUARY);
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        RegionCalendar calendar = new RegionCalendar("au", sydney, List.of(), null);

        assertThat(stateAt(southern, calendar, "2026-01-14T01:00:00Z").peakSeason()).isTrue();
        assertThat(stateAt(southern, calendar, "2026-06-10T01:00:00Z").peakSeason()).isFalse();
        assertThat(stateAt(southern, calendar, "2026-11-11T01:00:00Z").peakSeason()).isTrue();
        assertThat(stateAt(POLICY, calendar, "2026-01-14T01:00:00Z").peakSeason()).isFalse();
    }

    @Test
    void aWeddingFarInThePastOrFutureDoesNotTouchTheTimeline() {
        ZoneId london = ZoneId.of("Europe/London");
        RegionCalendar calendar = new RegionCalendar("uk", london,
                weddings("w-old/BRITISH/1.0/100/2025-02-11/12:00/18:00/1;w-new/BRITISH/1.0/100/2027-02-09/12:00/18:00/1", london), null);

        Protection protection = stateAt(POLICY, calendar, "2026-02-10T13:00:00Z");

        assertThat(protection.freezeActive()).isFalse();
        assertThat(protection.reasons()).isEmpty();
    }

    private static Protection stateAt(ProtectionPolicy policy, RegionCalendar calendar, String at) {
        Instant instant = Instant.parse(at);
        return ProtectionTimeline.compute(policy, calendar, instant, instant.plus(Duration.ofDays(14))).at(instant);
    }

    static List<PlannedWedding> weddings(String spec, ZoneId zone) {
        if (spec == null) {
            return List.of();
        }
        return Arrays.stream(spec.split(";")).map(String::trim).map(one -> {
            String[] f = one.split("/");
            return new PlannedWedding(f[0], f[1], Integer.parseInt(f[3]), Double.parseDouble(f[2]), LocalDate.parse(f[4]),
                    LocalTime.parse(f[5]), LocalTime.parse(f[6]), Integer.parseInt(f[7]), zone);
        }).toList();
    }
}
