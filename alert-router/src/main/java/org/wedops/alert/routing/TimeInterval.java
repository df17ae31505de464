package org.wedops.alert.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A named set of weekly windows, in a fixed zone or, when {@code zone} is null, in the time zone of the alert's
 * region. Routes mute notifications inside their {@code mute_time_intervals} and outside their
 * {@code active_time_intervals}.
 */
public record TimeInterval(String name, ZoneId zone, List<WeeklyWindow> windows) {

    public ZoneId zoneFor(ZoneId regionZone) {
        return zone != null ? zone : regionZone;
    }

    /** When the window containing the instant ends, if it is inside one. */
    public Optional<Instant> currentEnd(Instant instant, ZoneId regionZone) {
        ZoneId in = zoneFor(regionZone);
        return windows.stream().map(w -> w.currentEnd(instant, in)).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    public Instant nextStart(Instant instant, ZoneId regionZone) {
        ZoneId in = zoneFor(regionZone);
        return windows.stream().map(w -> w.nextStart(instant, in)).min(Comparator.naturalOrder()).orElseThrow();
    }
}
