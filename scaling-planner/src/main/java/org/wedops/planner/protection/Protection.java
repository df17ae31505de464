package org.wedops.planner.protection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

/**
 * The protection of a region over one stretch of time in which nothing about it changes.
 *
 * @param from          when this stretch starts
 * @param nextChangeAt  when it ends and something changes, or null when that is beyond the computed horizon
 * @param baseLevel     the level the calendar alone gives, which EMERGENCY overrides (scaling keeps its replicas under the emergency floor)
 * @param freezeActive  deployments are frozen: weekend freeze, a wedding's window, or an emergency
 * @param freezeUntil   when the current freeze (weekend and wedding windows run together) ends; null when none or only an emergency freezes
 * @param weddingActive a wedding is in progress
 * @param weddingDay    it is the wedding day of the week (Saturday) in the region
 * @param weddingLoad   Σ cultural factor × guest factor over the weddings in progress
 */
public record Protection(String region, ZoneId zone, Instant from, Instant nextChangeAt, ProtectionLevel level,
                         ProtectionLevel baseLevel, ThresholdProfile profile, boolean freezeActive, Instant freezeUntil,
                         boolean weddingActive, boolean weddingDay, boolean peakSeason, boolean emergency, double weddingLoad,
                         int activeWeddings, List<String> reasons) {

    public Protection {
        reasons = List.copyOf(reasons);
    }

    /** Inside a window where nothing may be taken away: a freeze, a wedding in progress or an emergency. */
    public boolean isProtected() {
        return freezeActive || weddingActive || emergency;
    }

    /** Whether the two describe the same protection, whatever stretch of time each covers. */
    public boolean sameStateAs(Protection other) {
        return other != null && level == other.level && baseLevel == other.baseLevel && profile == other.profile
                && freezeActive == other.freezeActive && Objects.equals(freezeUntil, other.freezeUntil)
                && weddingActive == other.weddingActive && weddingDay == other.weddingDay && peakSeason == other.peakSeason
                && emergency == other.emergency && Double.compare(weddingLoad, other.weddingLoad) == 0
                && activeWeddings == other.activeWeddings && reasons.equals(other.reasons) && zone.equals(other.zone);
    }

    Protection until(Instant end) {
        return new Protection(region, zone, from, end, level, baseLevel, profile, freezeActive, freezeUntil, weddingActive, weddingDay,
                peakSeason, emergency, weddingLoad, activeWeddings, reasons);
    }

    Protection freezingUntil(Instant until) {
        return new Protection(region, zone, from, nextChangeAt, level, baseLevel, profile, freezeActive, until, weddingActive, weddingDay,
                peakSeason, emergency, weddingLoad, activeWeddings, reasons);
    }
}
