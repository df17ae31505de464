package org.wedops.health.targets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Which targets are due for a check. A target is not due again while its previous check is in flight, so a
 * slow target never piles up probes; its interval shrinks by the profile's factor (e.g. on wedding days).
 */
@Component
@RequiredArgsConstructor
public class TargetSchedule {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public void add(HealthTarget target) {
        entries.put(target.id(), new Entry(target, null, false));
    }

    public void remove(String id) {
        entries.remove(id);
    }

    public int size() {
        return entries.size();
    }

    /** Takes the due targets and marks them in flight; call {@link #done} when each check ends. */
    public synchronized List<HealthTarget> takeDue(ToDoubleFunction<HealthTarget> intervalFactor) {
        Instant now = clock.instant();
        return entries.values().stream()
                .filter(entry -> !entry.inFlight() && (entry.dueAt() == null || !entry.dueAt().isAfter(now)))
                .map(entry -> {
                    HealthTarget target = entry.target();
                    Duration interval = Duration.ofMillis(Math.max(1000, Math.round(target.intervalSeconds() * 1000 * intervalFactor.applyAsDouble(target))));
                    entries.put(target.id(), new Entry(target, FixedRate.nextDue(entry.dueAt(), interval, now), true));
                    return target;
                })
                .toList();
    }

    public synchronized void done(HealthTarget target) {
        entries.computeIfPresent(target.id(), (id, entry) -> new Entry(entry.target(), entry.dueAt(), false));
    }

    /** @param dueAt when the target is due; null until first taken, so it is due at once */
    private record Entry(HealthTarget target, Instant dueAt, boolean inFlight) {
    }
}
