package org.wedops.planner.protection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.wedops.events.ProtectionLevel;

/**
 * A region's wedding load over one local day: the stretches of constant load cut to the day, the peak (the first
 * stretch with the highest load; the day's start when there is no load) and the highest level reached. A plain rule
 * over the stretches of the region's timeline that overlap the day.
 */
public record WeddingLoad(String region, String timeZone, LocalDate date, double peakLoad, Instant peakAt, ProtectionLevel highestLevel,
                          List<LoadStretch> stretches) {

    public record LoadStretch(Instant from, Instant to, ProtectionLevel level, double weddingLoad, int activeWeddings, boolean freezeActive,
                              boolean weddingActive, List<String> reasons) {
    }

    /** Every zone's local day lies within [-14 h, +12 h] of the UTC day of the same date; 15 h either side covers it. */
    private static final Duration ZONE_MARGIN = Duration.ofHours(15);

    public WeddingLoad {
        stretches = List.copyOf(stretches);
    }

    /** What to read to cut any region's local {@code date} out of it. */
    public static Interval readAround(LocalDate date) {
        return new Interval(date.atStartOfDay(ZoneOffset.UTC).toInstant().minus(ZONE_MARGIN),
                date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(ZONE_MARGIN));
    }

    /** The local day {@code date} in the zone, [midnight, next midnight), 23 or 25 hours on DST days. */
    public static Interval localDay(LocalDate date, ZoneId zone) {
        return new Interval(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** @param overlapping the region's stretches that overlap the local day, in order */
    public static WeddingLoad of(String region, ZoneId zone, LocalDate date, List<Protection> overlapping) {
        Interval day = localDay(date, zone);
        List<LoadStretch> stretches = new ArrayList<>();
        double peak = 0;
        Instant peakAt = day.start();
        ProtectionLevel highest = ProtectionLevel.NORMAL;
        for (Protection p : overlapping) {
            Instant start = p.from().isBefore(day.start()) ? day.start() : p.from();
            Instant end = p.nextChangeAt() == null || p.nextChangeAt().isAfter(day.end()) ? day.end() : p.nextChangeAt();
            stretches.add(new LoadStretch(start, end, p.level(), p.weddingLoad(), p.activeWeddings(), p.freezeActive(), p.weddingActive(),
                    p.reasons()));
            if (p.weddingLoad() > peak) {
                peak = p.weddingLoad();
                peakAt = start;
            }
            if (p.level().compareTo(highest) > 0) {
                highest = p.level();
            }
        }
        return new WeddingLoad(region, zone.getId(), date, peak, peakAt, highest, stretches);
    }
}
