package org.wedops.health.classification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts restarts within a sliding window from the restart counters sources report (Docker's RestartCount, the
 * sum of a pod's container restarts): the increase since the oldest sample still inside the window.
 */
public class RestartCounter {

    private record Sample(Instant at, int count) {
    }

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    public int restartsWithin(String id, int restartCount, Instant now, Duration window) {
        Deque<Sample> history = samples.computeIfAbsent(id, key -> new ArrayDeque<>());
        synchronized (history) {
            history.addLast(new Sample(now, restartCount));
            while (history.size() > 1 && history.peekFirst().at().isBefore(now.minus(window))) {
                history.removeFirst();
            }
            return Math.max(0, restartCount - history.peekFirst().count());
        }
    }

    public void forget(String id) {
        samples.remove(id);
    }
}
