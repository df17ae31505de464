package org.wedops.alert.integration;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;

import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/**
 * One channel of one receiver: Slack, PagerDuty and webhooks post JSON through {@link JsonPoster}, e-mail goes through
 * {@link Mailer}; what differs between them is only how a notification becomes the bodies they send.
 *
 * @param name     {@code <receiver>/<channel>}, e.g. {@code critical/slack}
 * @param delivery sends one notification; completes empty on success, with an error on any failure
 */
record ReceiverIntegration(String name, NotificationChannel channel, Function<GroupNotification, Mono<Void>> delivery)
        implements Integration {

    static ReceiverIntegration of(String receiver, NotificationChannel channel, Function<GroupNotification, Mono<Void>> delivery) {
        return new ReceiverIntegration(receiver + "/" + channel.name().toLowerCase(Locale.ROOT), channel, delivery);
    }

    @Override
    public Mono<Void> deliver(GroupNotification notification) {
        return delivery.apply(notification);
    }

    /**
     * The same integration behind a timeout, quick retries with exponential backoff and jitter, and its own circuit
     * breaker. The breaker sits inside the retries, so every try counts, and an open breaker fails at once with
     * {@code CallNotPermittedException}, which the dispatcher answers with the route's fallback.
     */
    ReceiverIntegration guarded(CircuitBreaker breaker, Retry retry, Duration timeout) {
        return new ReceiverIntegration(name, channel, notification -> Mono.defer(() -> delivery.apply(notification))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry)));
    }
}
