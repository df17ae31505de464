package org.wedops.alert.integration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;

import java.time.Duration;

import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/**
 * An integration behind a timeout, quick retries with exponential backoff and jitter, and its own circuit breaker.
 * The breaker sits inside the retries, so every try counts, and an open breaker fails at once with
 * {@code CallNotPermittedException}, which the dispatcher answers with the route's fallback.
 */
class GuardedIntegration implements Integration {

    private final Integration delegate;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Duration timeout;

    GuardedIntegration(Integration delegate, CircuitBreaker breaker, Retry retry, Duration timeout) {
        this.delegate = delegate;
        this.breaker = breaker;
        this.retry = retry;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public NotificationChannel channel() {
        return delegate.channel();
    }

    @Override
    public Mono<Void> deliver(GroupNotification notification) {
        return Mono.defer(() -> delegate.deliver(notification))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry));
    }
}
