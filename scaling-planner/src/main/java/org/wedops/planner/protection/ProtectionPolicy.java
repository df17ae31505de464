package org.wedops.planner.protection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.util.Objects;

/**
 * The wedding-day rule in numbers (DESIGN.md, "Protection"), immutable once built. Every window is read in a
 * region's local time.
 *
 * <p>Levels come from three inputs: the day (the wedding day of the week, Saturday), the season and the wedding
 * load, Σ over weddings in progress of cultural factor × guest factor, where the guest factor is
 * {@code guestCount / guestUnit} (a 100-guest wedding weighs 1 by default, a 600-guest Indian wedding 2.0 × 6 = 12):
 * <ul>
 *   <li>MAXIMUM when the load reaches {@code maximumLoad} (20), or {@code peakSeasonMaximumLoad} (10) in peak season;</li>
 *   <li>HIGH when the load reaches {@code highLoad} (5), and all day on the wedding day of the week;</li>
 *   <li>NORMAL otherwise; EMERGENCY, declared by an ADMIN, overrides them all.</li>
 * </ul>
 *
 * @param weekendFreeze         the weekly deployment freeze (Friday 18:00 to Monday 06:00)
 * @param beforeWedding         freeze before a wedding's start (2 h)
 * @param afterWedding          freeze after a wedding's end (2 h)
 * @param peakSeasonFrom        first month of peak season (May)
 * @param peakSeasonTo          last month of peak season (October); before {@code peakSeasonFrom} means the season wraps the year
 * @param weddingDay            the day of the week that is HIGH all day and uses the WEDDING_DAY thresholds (Saturday)
 * @param guestUnit             guests that weigh 1 in the guest factor (100)
 * @param highLoad              wedding load from which the level is at least HIGH (5)
 * @param maximumLoad           wedding load from which the level is MAXIMUM (20)
 * @param peakSeasonMaximumLoad wedding load from which the level is MAXIMUM in peak season (10)
 */
public record ProtectionPolicy(WeeklyWindow weekendFreeze, Duration beforeWedding, Duration afterWedding, Month peakSeasonFrom,
                               Month peakSeasonTo, DayOfWeek weddingDay, int guestUnit, double highLoad, double maximumLoad,
                               double peakSeasonMaximumLoad) {

    public ProtectionPolicy {
        Objects.requireNonNull(weekendFreeze, "weekendFreeze");
        Objects.requireNonNull(peakSeasonFrom, "peakSeasonFrom");
        Objects.requireNonNull(peakSeasonTo, "peakSeasonTo");
        Objects.requireNonNull(weddingDay, "weddingDay");
        if (beforeWedding.isNegative() || afterWedding.isNegative()) {
            throw new IllegalArgumentException("wedding margins must not be negative");
        }
        if (guestUnit < 1) {
            throw new IllegalArgumentException("guestUnit must be >= 1");
        }
        if (!(highLoad > 0 && highLoad <= peakSeasonMaximumLoad && peakSeasonMaximumLoad <= maximumLoad)) {
            throw new IllegalArgumentException("load thresholds must satisfy 0 < highLoad <= peakSeasonMaximumLoad <= maximumLoad");
        }
    }

    /** DESIGN.md's defaults. */
    public static ProtectionPolicy defaults() {
        return new ProtectionPolicy(new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0), DayOfWeek.MONDAY, LocalTime.of(6, 0)),
                Duration.ofHours(2), Duration.ofHours(2), Month.MAY, Month.OCTOBER, DayOfWeek.SATURDAY, 100, 5.0, 20.0, 10.0);
    }

    public ProtectionPolicy withPeakSeason(Month from, Month to) {
        return new ProtectionPolicy(weekendFreeze, beforeWedding, afterWedding, from, to, weddingDay, guestUnit, highLoad, maximumLoad,
                peakSeasonMaximumLoad);
    }

    /** Weight of one wedding in the load, in thousandths, so that sums are exact and the same in any order. */
    long loadMillis(double culturalFactor, int guestCount) {
        return Math.round(culturalFactor * guestCount * 1000.0 / guestUnit);
    }

    /**
     * A window that starts every week on one day and time and ends on a later day and time, local.
     *
     * @param startDay  day it opens
     * @param startTime local time it opens
     * @param endDay    day it closes; the same day with an end before the start means a week later
     * @param endTime   local time it closes
     */
    public record WeeklyWindow(DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {

        public WeeklyWindow {
            Objects.requireNonNull(startDay, "startDay");
            Objects.requireNonNull(startTime, "startTime");
            Objects.requireNonNull(endDay, "endDay");
            Objects.requireNonNull(endTime, "endTime");
        }

        /** Days from the opening day to the closing day, 0 when it closes later the same day, 7 when a week later. */
        int daysOpen() {
            int days = (endDay.getValue() - startDay.getValue() + 7) % 7;
            return days == 0 && !endTime.isAfter(startTime) ? 7 : days;
        }
    }
}
