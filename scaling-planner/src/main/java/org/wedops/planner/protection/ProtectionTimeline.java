package org.wedops.planner.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

/**
 * The protection of one region from an instant to a horizon, as consecutive stretches in each of which nothing
 * changes. Built by one sweep over the edges of every window (weekend freezes, wedding windows, weddings in
 * progress, wedding days of the week, peak season), so its cost grows with the number of weddings, not with the
 * length of the horizon. Every window is placed in the region's (or the wedding's) zone, so DST changes move
 * them as local clocks move.
 */
public final class ProtectionTimeline {

    private static final int MOST_WEDDINGS_NAMED = 10;

    private final List<Protection> stretches;

    private ProtectionTimeline(List<Protection> stretches) {
        this.stretches = List.copyOf(stretches);
    }

    /** Computes [from, to); {@code to} should be a week or more away so that freezes and their ends are seen whole. */
    public static ProtectionTimeline compute(ProtectionPolicy policy, RegionCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the horizon must be after its start");
        }
        List<Edge> edges = new ArrayList<>();
        ZoneId zone = calendar.zone();
        weekendFreezes(policy, zone, from, to, edges);
        weddingDays(policy, zone, from, to, edges);
        peakSeasons(policy, zone, from, to, edges);
        for (PlannedWedding wedding : calendar.weddings()) {
            add(edges, wedding.freezeWindow(policy.beforeWedding(), policy.afterWedding()), Kind.WEDDING_WINDOW, wedding, from, to);
            add(edges, wedding.inProgress(), Kind.IN_PROGRESS, wedding, from, to);
        }
        edges.sort(Comparator.comparing(Edge::at));
        return new ProtectionTimeline(sweep(policy, calendar, edges, from, to));
    }

    /** The stretch that contains the instant. */
    public Protection at(Instant instant) {
        int low = 0;
        int high = stretches.size() - 1;
        if (instant.isBefore(stretches.get(0).from())) {
            throw new IllegalArgumentException(instant + " is before the timeline starts at " + stretches.get(0).from());
        }
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (stretches.get(middle).from().isAfter(instant)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return stretches.get(low);
    }

    /** Every stretch that overlaps [from, to), in order. */
    public List<Protection> between(Instant from, Instant to) {
        List<Protection> overlapping = new ArrayList<>();
        for (Protection stretch : stretches) {
            boolean endsAfterFrom = stretch.nextChangeAt() == null || stretch.nextChangeAt().isAfter(from);
            if (endsAfterFrom && stretch.from().isBefore(to)) {
                overlapping.add(stretch);
            }
        }
        return overlapping;
    }

    public List<Protection> stretches() {
        return stretches;
    }

    private static List<Protection> sweep(ProtectionPolicy policy, RegionCalendar calendar, List<Edge> edges, Instant from, Instant to) {
        Counters counters = new Counters(policy);
        int next = 0;
        while (next < edges.size() && !edges.get(next).at().isAfter(from)) {
            counters.apply(edges.get(next++));
        }
        List<Protection> stretches = new ArrayList<>();
        List<Boolean> calendarFrozen = new ArrayList<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant end = next < edges.size() && edges.get(next).at().isBefore(to) ? edges.get(next).at() : to;
            Protection stretch = counters.state(calendar, cursor);
            int last = stretches.size() - 1;
            if (last < 0 || !stretch.sameStateAs(stretches.get(last))) {
                if (last >= 0) {
                    stretches.set(last, stretches.get(last).until(cursor));
                }
                stretches.add(stretch);
                calendarFrozen.add(counters.calendarFrozen());
            }
            while (next < edges.size() && !edges.get(next).at().isAfter(end)) {
                counters.apply(edges.get(next++));
            }
            cursor = end;
        }
        // the last stretch reaches the horizon, what follows is not computed: it keeps nextChangeAt null
        return withFreezeEnds(stretches, calendarFrozen, to);
    }

    /**
     * Weekend freezes and wedding windows that touch run together into one freeze; each frozen stretch says when the
     * whole run ends. A run still open at the horizon ends there as far as this timeline knows.
     */
    private static List<Protection> withFreezeEnds(List<Protection> stretches, List<Boolean> calendarFrozen, Instant horizon) {
        List<Protection> result = new ArrayList<>(stretches);
        Instant runEnd = null;
        for (int i = result.size() - 1; i >= 0; i--) {
            Protection stretch = result.get(i);
            if (calendarFrozen.get(i)) {
                Instant until = runEnd != null ? runEnd : stretch.nextChangeAt() == null ? horizon : stretch.nextChangeAt();
                result.set(i, stretch.freezingUntil(until));
                runEnd = until;
            } else {
                runEnd = null;
            }
        }
        return result;
    }

    private static final String WEEKEND_FREEZE = "weekend freeze";

    private static void weekendFreezes(ProtectionPolicy policy, ZoneId zone, Instant from, Instant to, List<Edge> edges) {
        ProtectionPolicy.WeeklyWindow freeze = policy.weekendFreeze();
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(8);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == freeze.startDay()) {
                Instant start = ZonedDateTime.of(day, freeze.startTime(), zone).toInstant();
                Instant end = ZonedDateTime.of(day.plusDays(freeze.daysOpen()), freeze.endTime(), zone).withLaterOffsetAtOverlap().toInstant();
                add(edges, new Interval(start, end), Kind.WEEKEND, null, from, to);
            }
        }
    }

    private static void weddingDays(ProtectionPolicy policy, ZoneId zone, Instant from, Instant to, List<Edge> edges) {
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == policy.weddingDay()) {
                add(edges, new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()),
                        Kind.WEDDING_DAY, null, from, to);
            }
        }
    }

    private static void peakSeasons(ProtectionPolicy policy, ZoneId zone, Instant from, Instant to, List<Edge> edges) {
        int firstYear = from.atZone(zone).getYear() - 1;
        int lastYear = to.atZone(zone).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate start = LocalDate.of(year, policy.peakSeasonFrom(), 1);
            int endYear = policy.peakSeasonTo().compareTo(policy.peakSeasonFrom()) >= 0 ? year : year + 1;
            LocalDate end = LocalDate.of(endYear, policy.peakSeasonTo(), 1).plusMonths(1);
            add(edges, new Interval(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()), Kind.PEAK, null, from, to);
        }
    }

    private static void add(List<Edge> edges, Interval interval, Kind kind, PlannedWedding wedding, Instant from, Instant to) {
        if (interval.overlaps(from, to)) {
            edges.add(new Edge(interval.start(), kind, +1, wedding));
            edges.add(new Edge(interval.end(), kind, -1, wedding));
        }
    }

    private enum Kind { WEEKEND, WEDDING_WINDOW, IN_PROGRESS, WEDDING_DAY, PEAK }

    private record Edge(Instant at, Kind kind, int delta, PlannedWedding wedding) {
    }

    /** What is open at the sweep's position. */
    private static final class Counters {
        private final ProtectionPolicy policy;
        private final int[] open = new int[Kind.values().length];
        private final TreeMap<String, PlannedWedding> inWindow = new TreeMap<>();
        private long loadMillis;

        Counters(ProtectionPolicy policy) {
            this.policy = policy;
        }

        void apply(Edge edge) {
            open[edge.kind().ordinal()] += edge.delta();
            if (edge.kind() == Kind.WEDDING_WINDOW) {
                if (edge.delta() > 0) {
                    inWindow.put(edge.wedding().id(), edge.wedding());
                } else {
                    inWindow.remove(edge.wedding().id());
                }
            } else if (edge.kind() == Kind.IN_PROGRESS) {
                // whole thousandths: the load is exact and the same whatever order weddings start and end in
                loadMillis += edge.delta() * policy.loadMillis(edge.wedding().culturalFactor(), edge.wedding().guestCount());
            }
        }

        boolean calendarFrozen() {
            return open[Kind.WEEKEND.ordinal()] > 0 || open[Kind.WEDDING_WINDOW.ordinal()] > 0;
        }

        Protection state(RegionCalendar calendar, Instant at) {
            boolean weekend = open[Kind.WEEKEND.ordinal()] > 0;
            boolean weddingWindow = open[Kind.WEDDING_WINDOW.ordinal()] > 0;
            int inProgress = open[Kind.IN_PROGRESS.ordinal()];
            boolean weddingDay = open[Kind.WEDDING_DAY.ordinal()] > 0;
            boolean peak = open[Kind.PEAK.ordinal()] > 0;
            Emergency emergency = calendar.emergency();
            double load = loadMillis / 1000.0;

            ProtectionLevel base;
            if (load >= (peak ? policy.peakSeasonMaximumLoad() : policy.maximumLoad())) {
                base = ProtectionLevel.MAXIMUM;
            } else if (load >= policy.highLoad() || weddingDay) {
                base = ProtectionLevel.HIGH;
            } else {
                base = ProtectionLevel.NORMAL;
            }
            ThresholdProfile profile = inProgress > 0 || weddingDay ? ThresholdProfile.WEDDING_DAY
                    : peak ? ThresholdProfile.PEAK_SEASON : ThresholdProfile.STANDARD;

            List<String> reasons = new ArrayList<>();
            if (emergency != null) {
                reasons.add("emergency: " + emergency.reason() + " (declared by " + emergency.declaredBy() + ")");
            }
            if (weekend) {
                reasons.add(WEEKEND_FREEZE);
            }
            int named = 0;
            for (PlannedWedding wedding : inWindow.values()) {
                if (named++ == MOST_WEDDINGS_NAMED) {
                    reasons.add("and " + (inWindow.size() - MOST_WEDDINGS_NAMED) + " more weddings");
                    break;
                }
                reasons.add(wedding.describe());
            }
            if (load > 0) {
                reasons.add(String.format(Locale.ROOT, "wedding load %.1f", load));
            }
            if (weddingDay) {
                reasons.add(policy.weddingDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
            if (peak) {
                reasons.add("peak season");
            }
            return new Protection(calendar.region(), calendar.zone(), at, null, emergency != null ? ProtectionLevel.EMERGENCY : base, base,
                    profile, weekend || weddingWindow || emergency != null, null, inProgress > 0, weddingDay, peak, emergency != null,
                    load, inProgress, Collections.unmodifiableList(reasons));
        }
    }
}
