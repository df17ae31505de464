package org.wedops.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.Integration;
import org.wedops.alert.integration.Integrations;
import org.wedops.events.DeliveryOutcome;
import org.wedops.events.NotificationChannel;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.Topics;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Mono;

/**
 * Drains the outbox: claims due notifications, delivers each through its integration, records the attempt in the
 * row and publishes it to ops.notifications.v1. A failed attempt is retried with a doubling pause until
 * {@code maxAttempts}, then marked FAILED. When an integration's circuit breaker is open, the notification is
 * handed to the route's fallback receiver at once (Slack down means e-mail still goes out).
 */
@Component
@RequiredArgsConstructor
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final NotificationOutbox outbox;
    private final Integrations integrations;
    private final TransactionalOperator transaction;
    private final DispatchTrigger trigger;
    private final EventPublisher publisher;
    private final DispatchProperties settings;
    private final RecurringWork work;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("Outbox drain", settings.interval(), trigger.pokes(), this::drain);
    }

    private Mono<Void> drain() {
        return outbox.claimDue(clock.instant(), settings.claimTimeout(), settings.batchSize())
                .flatMap(this::attempt, 8)
                .then();
    }

    private Mono<Void> attempt(QueuedNotification notification) {
        Integration integration = integrations.named(notification.integration()).orElse(null);
        long started = System.nanoTime();
        GroupNotification content = outbox.content(notification);
        Mono<Void> delivery = integration == null
                ? Mono.error(new IllegalStateException("integration '" + notification.integration() + "' is not configured"))
                : integration.deliver(content);
        return delivery
                .then(Mono.defer(() -> outbox.markDelivered(notification.id(), clock.instant())
                        .then(publishOutcome(notification, DeliveryOutcome.DELIVERED, null, started))))
                .onErrorResume(CallNotPermittedException.class, open -> notification.fallback() != null
                        ? fallBack(notification, content, started)
                        : Mono.error(open))
                .onErrorResume(error -> {
                    boolean giveUp = notification.attempts() >= settings.maxAttempts();
                    Instant retryAt = clock.instant().plus(backoff(notification.attempts()));
                    String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
                    log.warn("Delivery {} to {} failed (attempt {}{}): {}", notification.deliveryKey(), notification.integration(),
                            notification.attempts(), giveUp ? ", giving up" : "", reason);
                    return outbox.markFailedAttempt(notification.id(), reason, retryAt, giveUp)
                            .then(publishOutcome(notification, giveUp ? DeliveryOutcome.FAILED : DeliveryOutcome.RETRYING, reason, started));
                });
    }

    private Mono<Void> fallBack(QueuedNotification notification, GroupNotification content, long started) {
        Instant now = clock.instant();
        String reason = notification.integration() + " unavailable (circuit breaker open); sent to " + notification.fallback();
        log.warn("Delivery {}: {}", notification.deliveryKey(), reason);
        List<String> fingerprints = content.fingerprints();
        return outbox.enqueueEach(notification.deliveryKey() + ">", content, integrations.of(notification.fallback()), null, fingerprints, now)
                .then(outbox.markFellBack(notification.id(), reason, now))
                .as(transaction::transactional)
                .then(publishOutcome(notification, DeliveryOutcome.FALLBACK, reason, started))
                .then(Mono.fromRunnable(trigger::poke));
    }

    private Duration backoff(int attempts) {
        Duration pause = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : pause;
    }

    private Mono<Void> publishOutcome(QueuedNotification notification, DeliveryOutcome outcome, String error, long startedNanos) {
        NotificationOutcome event = NotificationOutcome.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFingerprint(notification.subject())
                .setAlertName(notification.title())
                .setReceiver(notification.integration())
                .setChannel(NotificationChannel.valueOf(notification.channel()))
                .setDeliveryKey(notification.deliveryKey())
                .setAttempt(notification.attempts())
                .setOutcome(outcome)
                .setError(error)
                .setLatencyMs((System.nanoTime() - startedNanos) / 1_000_000)
                .build();
        // the row already records the attempt, so a lost audit event must not cause a second delivery, and the drain
        // does not wait for the broker's acknowledgement: the next notification would wait for it (bench/alert-router)
        return Mono.fromRunnable(() -> publisher.publish(Topics.NOTIFICATIONS, notification.subject(), event)
                .subscribe(published -> { }, e -> log.warn("Could not publish outcome of {}: {}", notification.deliveryKey(), e.toString())));
    }
}
