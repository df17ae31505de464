package org.wedops.planner.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;

/**
 * Remembers each service's recommendations so that a scale-down waits until every recommendation over the window
 * agrees (the HPA's downscale stabilisation). A recommendation holds from when it was made until the next one, so
 * the window's highest is the one in force at its start together with every later one. Kept in memory: a planner
 * that just took the lease has no history and so waits a whole window before its first scale-down.
 */
@RequiredArgsConstructor
public final class Stabiliser {

    private record Seen(Instant at, int replicas) {
    }

    private final Duration window;
    private final Map<String, Deque<Seen>> history = new ConcurrentHashMap<>();

    /** Records a recommendation and answers the highest over the window ending now, or null if the history is shorter. */
    public Integer recordAndGetHighest(String service, Instant now, int recommended) {
        Deque<Seen> seen = history.computeIfAbsent(service, key -> new ArrayDeque<>());
        synchronized (seen) {
            if (!seen.isEmpty() && seen.peekLast().at().isAfter(now)) {
                // the clock went back: what was seen "later" says nothing about the window ending now
                seen.clear();
            }
            seen.addLast(new Seen(now, recommended));
            Instant windowStart = now.minus(window);
            // an entry is superseded once the next one was made at or before the window's start
            while (seen.size() > 1) {
                Iterator<Seen> oldest = seen.iterator();
                oldest.next();
                if (oldest.next().at().isAfter(windowStart)) {
                    break;
                }
                seen.removeFirst();
            }
            if (seen.peekFirst().at().isAfter(windowStart)) {
                return null;
            }
            return seen.stream().mapToInt(Seen::replicas).max().orElse(recommended);
        }
    }

    /** Forgets everything, as when the lease is lost: the next holder must watch a whole window again. */
    public void forget() {
        history.clear();
    }
}
