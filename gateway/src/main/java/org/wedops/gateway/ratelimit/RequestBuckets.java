package org.wedops.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One Bucket4j token bucket per key (client, route, kind), created on first use, refilled greedily: a client that
 * used its whole budget gets one request back every {@code per / requests}. Plain Java; the clock is Bucket4j's
 * {@link TimeMeter}, so tests need no sleeping.
 */
final class RequestBuckets {

    /** The outcome of one request: allowed, or refused with how long until one more would be allowed. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    private record Entry(Bucket bucket, Duration per, AtomicLong lastUsedNanos) {
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final int maxKeys;

    RequestBuckets(TimeMeter time, int maxKeys) {
        this.time = time;
        this.maxKeys = maxKeys;
    }

    Decision tryAcquire(String key, RateLimitProperties.Limit limit) {
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictIdle();
        }
        Entry entry = buckets.computeIfAbsent(key, ignored -> new Entry(bucket(limit), limit.per(), new AtomicLong()));
        entry.lastUsedNanos().set(time.currentTimeNanos());
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, probe.getRemainingTokens(), Duration.ZERO)
                : new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Drops buckets idle for a whole period (they are full again), then, if still too many, the longest idle. */
    private synchronized void evictIdle() {
        long now = time.currentTimeNanos();
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsedNanos().get() >= e.getValue().per().toNanos());
        if (buckets.size() >= maxKeys) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().lastUsedNanos().get()))
                    .limit(buckets.size() - maxKeys + 1L)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(buckets::remove);
        }
    }
}
