package org.wedops.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class RequestBucketsTest {

    private final ManualTime time = new ManualTime();
    private final RateLimitProperties.Limit twoPerMinute = new RateLimitProperties.Limit(2, Duration.ofMinutes(1));

    @Test
    void aFullBudgetIsUsableAtOnceThenRefusedWithTheWaitForTheNextRequest() {
        RequestBuckets buckets = new RequestBuckets(time, 100);

        assertThat(buckets.tryAcquire("api|alert-router|sub:ana", twoPerMinute).allowed()).isTrue();
        assertThat(buckets.tryAcquire("api|alert-router|sub:ana", twoPerMinute).remaining()).isZero();
        RequestBuckets.Decision refused = buckets.tryAcquire("api|alert-router|sub:ana", twoPerMinute);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theBudgetRefillsEvenlyOverThePeriod() {
        RequestBuckets buckets = new RequestBuckets(time, 100);
        buckets.tryAcquire("k", twoPerMinute);
        buckets.tryAcquire("k", twoPerMinute);

        time.advance(Duration.ofSeconds(29));
        assertThat(buckets.tryAcquire("k", twoPerMinute).allowed()).isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(buckets.tryAcquire("k", twoPerMinute).allowed()).isTrue();
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        RequestBuckets buckets = new RequestBuckets(time, 100);
        buckets.tryAcquire("api|alert-router|sub:ana", twoPerMinute);
        buckets.tryAcquire("api|alert-router|sub:ana", twoPerMinute);

        assertThat(buckets.tryAcquire("api|alert-router|sub:ben", twoPerMinute).allowed()).isTrue();
        assertThat(buckets.tryAcquire("api|scaling-planner|sub:ana", twoPerMinute).allowed()).isTrue();
        assertThat(buckets.tryAcquire("ingest|apm-ingest|sub:ana", twoPerMinute).allowed()).isTrue();
    }

    @Test
    void aBucketIdleForAWholePeriodExpiresAndComesBackFull() {
        RequestBuckets buckets = new RequestBuckets(time, 100);
        buckets.tryAcquire("idle", twoPerMinute);
        buckets.tryAcquire("idle", twoPerMinute);
        buckets.tryAcquire("busy", twoPerMinute);

        time.advance(Duration.ofSeconds(61));

        assertThat(buckets.size()).isZero();
        assertThat(buckets.tryAcquire("idle", twoPerMinute).remaining()).isEqualTo(1);
    }

    @Test
    void aFloodOfOneOffClientsStaysBoundedAndDoesNotFreeAClientBeingHeldBack() {
        RequestBuckets buckets = new RequestBuckets(time, 1_000);
        for (int call = 0; call < 50; call++) {
            buckets.tryAcquire("busy", twoPerMinute);
        }
        for (int client = 0; client < 20_000; client++) {
            buckets.tryAcquire("one-off-" + client, twoPerMinute);
            if (client % 100 == 0) {
                assertThat(buckets.tryAcquire("busy", twoPerMinute).allowed()).as("still held back after %d newcomers", client).isFalse();
            }
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(1_000);
        assertThat(buckets.tryAcquire("busy", twoPerMinute).allowed()).as("its empty budget was kept").isFalse();
    }

    @Test
    void aPeekDrawsNothingAndAChargeAfterTheFactDoes() {
        RequestBuckets buckets = new RequestBuckets(time, 100);

        assertThat(buckets.peek("refused|ip:10.0.0.1", twoPerMinute).allowed()).isTrue();
        assertThat(buckets.peek("refused|ip:10.0.0.1", twoPerMinute).remaining()).isEqualTo(2);
        buckets.charge("refused|ip:10.0.0.1", twoPerMinute);
        buckets.charge("refused|ip:10.0.0.1", twoPerMinute);

        RequestBuckets.Decision spent = buckets.peek("refused|ip:10.0.0.1", twoPerMinute);
        assertThat(spent.allowed()).isFalse();
        assertThat(spent.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLimitNeedsRequestsAndAPeriod() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Limit(0, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Limit(5, Duration.ZERO));
    }

    private static final class ManualTime implements TimeMeter {

        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
