package org.wedops.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One Bucket4j token bucket per key (client, route, kind), created on first use, refilled greedily: a client that
 * used its whole budget gets one request back every {@code per / requests}. Buckets live in a Caffeine cache bounded
 * to {@code maxKeys}: a bucket idle for a whole period is full again and expires (a new one is as good), and at the
 * bound Caffeine evicts in amortised constant time, favouring keys in frequent use (TinyLFU) so that a flood of
 * one-off clients cannot push out the bucket of a client that is being held back. Nothing here sorts, scans or locks
 * the map on the request path. The clock is Bucket4j's {@link TimeMeter}, also Caffeine's ticker, so tests need no
 * sleeping.
 */
final class RequestBuckets {

    /** The outcome of one request: allowed, or refused with how long until one more would be allowed. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    private record Entry(Bucket bucket, Duration per) {
    }

    private final Cache<String, Entry> buckets;
    private final TimeMeter time;

    RequestBuckets(TimeMeter time, int maxKeys) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfter(Expiry.accessing((String key, Entry entry) -> entry.per()))
                .ticker(time::currentTimeNanos)
                // the cache's upkeep is a few steps per call: done by the caller rather than handed to the common pool
                .executor(Runnable::run)
                .build();
    }

    Decision tryAcquire(String key, RateLimitProperties.Limit limit) {
        ConsumptionProbe probe = entry(key, limit).bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, probe.getRemainingTokens(), Duration.ZERO)
                : new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Whether a request under {@code key} would be refused now, without drawing on the budget: for requests whose
     * cost is known only afterwards (a refused token costs, a valid one does not).
     */
    Decision peek(String key, RateLimitProperties.Limit limit) {
        EstimationProbe estimate = entry(key, limit).bucket().estimateAbilityToConsume(1);
        return estimate.canBeConsumed()
                ? new Decision(true, estimate.getRemainingTokens(), Duration.ZERO)
                : new Decision(false, 0, Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Draws one request from the budget after the fact (nothing when it is already spent). */
    void charge(String key, RateLimitProperties.Limit limit) {
        entry(key, limit).bucket().tryConsume(1);
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Entry entry(String key, RateLimitProperties.Limit limit) {
        return buckets.get(key, ignored -> new Entry(bucket(limit), limit.per()));
    }

    private Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .withCustomTimePrecision(time)
                .build();
    }
}
