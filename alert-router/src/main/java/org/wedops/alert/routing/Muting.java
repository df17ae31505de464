package org.wedops.alert.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Pure rule: is a route muted now for an alert in this zone, and until when. Muted inside any mute interval;
 * muted outside every active interval (when the route has any). The "until" is when the group is flushed again,
 * so whatever was held back is told as soon as the mute ends.
 */
public final class Muting {

    private Muting() {
    }

    public static Optional<Instant> mutedUntil(Route route, RoutingConfig config, Instant now, ZoneId regionZone) {
        Optional<Instant> until = Optional.empty();
        for (String name : route.muteTimeIntervals()) {
            Optional<Instant> end = config.timeIntervals().get(name).currentEnd(now, regionZone);
            if (end.isPresent() && (until.isEmpty() || end.get().isAfter(until.get()))) {
                until = end;
            }
        }
        if (!route.activeTimeIntervals().isEmpty()) {
            boolean active = route.activeTimeIntervals().stream()
                    .anyMatch(name -> config.timeIntervals().get(name).currentEnd(now, regionZone).isPresent());
            if (!active) {
                Instant nextStart = route.activeTimeIntervals().stream()
                        .map(name -> config.timeIntervals().get(name).nextStart(now, regionZone))
                        .min(Instant::compareTo).orElseThrow();
                if (until.isEmpty() || nextStart.isAfter(until.get())) {
                    until = Optional.of(nextStart);
                }
            }
        }
        return until;
    }
}
