package org.wedops.planner.protection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wedding-day rule in numbers and how often it is re-evaluated; DESIGN.md's numbers are the defaults. Checked
 * when bound (the policy is built once here), so a bad setting stops the planner at start-up with its name.
 *
 * @param freezeStartDay        day the weekly deployment freeze starts (Friday)
 * @param freezeStartTime       local time it starts (18:00)
 * @param freezeEndDay          day it ends (Monday)
 * @param freezeEndTime         local time it ends (06:00)
 * @param beforeWedding         freeze before a wedding's start (2 h)
 * @param afterWedding          freeze after a wedding's end (2 h)
 * @param peakSeasonFrom        first month of peak season (May)
 * @param peakSeasonTo          last month of peak season (October)
 * @param weddingDay            the day of the week that is HIGH all day with WEDDING_DAY thresholds (Saturday)
 * @param guestUnit             guests that weigh 1 in a wedding's guest factor: guest factor = guests / guestUnit (100)
 * @param highLoad              wedding load (Σ cultural factor × guest factor) from which the level is HIGH (5)
 * @param maximumLoad           wedding load from which the level is MAXIMUM (20)
 * @param peakSeasonMaximumLoad wedding load from which the level is MAXIMUM in peak season (10)
 * @param horizon               how far ahead the timeline is computed; at least a week, so freezes are seen whole
 * @param tick                  how often the clock is compared with the next boundary (1 s: a change is published within it)
 * @param resync                how often every region is recomputed even without a known change (edits by another instance)
 */
@ConfigurationProperties("wedops.planner.protection")
public record ProtectionProperties(
        @DefaultValue("FRIDAY") DayOfWeek freezeStartDay,
        @DefaultValue("18:00") LocalTime freezeStartTime,
        @DefaultValue("MONDAY") DayOfWeek freezeEndDay,
        @DefaultValue("06:00") LocalTime freezeEndTime,
        @DefaultValue("2h") Duration beforeWedding,
        @DefaultValue("2h") Duration afterWedding,
        @DefaultValue("MAY") Month peakSeasonFrom,
        @DefaultValue("OCTOBER") Month peakSeasonTo,
        @DefaultValue("SATURDAY") DayOfWeek weddingDay,
        @DefaultValue("100") int guestUnit,
        @DefaultValue("5") double highLoad,
        @DefaultValue("20") double maximumLoad,
        @DefaultValue("10") double peakSeasonMaximumLoad,
        @DefaultValue("14d") Duration horizon,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("1m") Duration resync) {

    public ProtectionProperties {
        if (horizon.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("wedops.planner.protection.horizon must be at least 7d, was " + horizon);
        }
        if (tick.isNegative() || tick.isZero() || resync.isNegative() || resync.isZero()) {
            throw new IllegalArgumentException("wedops.planner.protection.tick and .resync must be positive, were " + tick + " and " + resync);
        }
        try {
            policyOf(freezeStartDay, freezeStartTime, freezeEndDay, freezeEndTime, beforeWedding, afterWedding, peakSeasonFrom, peakSeasonTo,
                    weddingDay, guestUnit, highLoad, maximumLoad, peakSeasonMaximumLoad);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("wedops.planner.protection: " + e.getMessage(), e);
        }
    }

    public ProtectionPolicy policy() {
        return policyOf(freezeStartDay, freezeStartTime, freezeEndDay, freezeEndTime, beforeWedding, afterWedding, peakSeasonFrom, peakSeasonTo,
                weddingDay, guestUnit, highLoad, maximumLoad, peakSeasonMaximumLoad);
    }

    private static ProtectionPolicy policyOf(DayOfWeek freezeStartDay, LocalTime freezeStartTime, DayOfWeek freezeEndDay,
                                             LocalTime freezeEndTime, Duration beforeWedding, Duration afterWedding, Month peakSeasonFrom,
                                             Month peakSeasonTo, DayOfWeek weddingDay, int guestUnit, double highLoad, double maximumLoad,
                                             double peakSeasonMaximumLoad) {
        return new ProtectionPolicy(new ProtectionPolicy.WeeklyWindow(freezeStartDay, freezeStartTime, freezeEndDay, freezeEndTime),
                beforeWedding, afterWedding, peakSeasonFrom, peakSeasonTo, weddingDay, guestUnit, highLoad, maximumLoad, peakSeasonMaximumLoad);
    }
}
