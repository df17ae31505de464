package org.wedops.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One circuit breaker per service: when calls to a service keep failing (refused connections, timeouts), the
 * gateway stops calling it for a while and answers 503 at once, instead of making every client wait for the
 * timeout and piling requests onto a service that is trying to come back.
 *
 * @param failureRateThreshold percentage of failed calls, among the last {@code slidingWindowSize}, that opens it
 * @param slidingWindowSize    calls considered
 * @param minimumNumberOfCalls calls needed before the failure rate counts at all
 * @param waitInOpenState      how long it stays open before letting a few trial calls through
 * @param trialCalls           calls let through while half-open to decide whether to close it again
 */
@ConfigurationProperties("wedops.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration waitInOpenState,
        @DefaultValue("3") int trialCalls) {

    private static final String PREFIX = "wedops.gateway.circuit-breaker.";

    public CircuitBreakerProperties {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException(PREFIX + "failure-rate-threshold must be above 0 and at most 100, got " + failureRateThreshold);
        }
        atLeastOne("sliding-window-size", slidingWindowSize);
        atLeastOne("minimum-number-of-calls", minimumNumberOfCalls);
        atLeastOne("trial-calls", trialCalls);
        if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
            throw new IllegalArgumentException(PREFIX + "wait-in-open-state must be positive, got " + waitInOpenState);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(PREFIX + name + " must be at least 1, got " + value);
        }
    }
}
