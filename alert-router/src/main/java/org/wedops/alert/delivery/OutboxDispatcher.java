package org.wedops.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.alert.AlertRouterProperties;
import org.wedops.events.DeliveryOutcome;
import org.wedops.events.NotificationChannel;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.Topics;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains the outbox: claims due notifications, delivers each through its receiver, records the attempt in the
 * row and publishes it to ops.notifications.v1. A failed attempt is retried with a doubling pause until
 * {@code maxAttempts}, then marked FAILED.
 */
@Component
class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final NotificationOutbox outbox;
    private final Receivers receivers;
    private final DispatchTrigger trigger;
    private final EventPublisher publisher;
    private final AlertRouterProperties.Dispatch settings;
    private final DeferredMigration migration;
    private final Clock clock;
    private volatile Disposable loop;

    OutboxDispatcher(NotificationOutbox outbox, Receivers receivers, DispatchTrigger trigger, EventPublisher publisher,
                     AlertRouterProperties properties, DeferredMigration migration, Clock clock) {
        this.outbox = outbox;
        this.receivers = receivers;
        this.trigger = trigger;
        this.publisher = publisher;
        this.settings = properties.dispatch();
        this.migration = migration;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startOnceMigrated() {
        migration.whenMigrated(() -> loop = Flux.merge(Flux.interval(settings.interval()).map(tick -> true), trigger.pokes())
                .onBackpressureLatest()
                .concatMap(wake -> drain().onErrorResume(e -> {
                    log.warn("Outbox drain failed, will retry: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    private Mono<Void> drain() {
        return outbox.claimDue(clock.instant(), settings.claimTimeout(), settings.batchSize())
                .flatMap(this::attempt, 8)
                .then();
    }

    private Mono<Void> attempt(QueuedNotification notification) {
        Receiver receiver = receivers.named(notification.receiver()).orElse(null);
        long started = System.nanoTime();
        Mono<Void> delivery = receiver == null
                ? Mono.error(new IllegalStateException("receiver '" + notification.receiver() + "' is not configured"))
                : receiver.deliver(notification.payload());
        return delivery
                .then(Mono.defer(() -> outbox.markDelivered(notification.id(), clock.instant())
                        .then(publishOutcome(notification, DeliveryOutcome.DELIVERED, null, started))))
                .onErrorResume(error -> {
                    boolean giveUp = notification.attempts() >= settings.maxAttempts();
                    Instant retryAt = clock.instant().plus(backoff(notification.attempts()));
                    String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
                    log.warn("Delivery {} to {} failed (attempt {}{}): {}", notification.deliveryKey(), notification.receiver(),
                            notification.attempts(), giveUp ? ", giving up" : "", reason);
                    return outbox.markFailedAttempt(notification.id(), reason, retryAt, giveUp)
                            .then(publishOutcome(notification, giveUp ? DeliveryOutcome.FAILED : DeliveryOutcome.RETRYING, reason, started));
                });
    }

    private Duration backoff(int attempts) {
        Duration pause = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : pause;
    }

    private Mono<Void> publishOutcome(QueuedNotification notification, DeliveryOutcome outcome, String error, long startedNanos) {
        NotificationOutcome event = NotificationOutcome.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFingerprint(notification.fingerprint())
                .setAlertName(notification.alertName())
                .setReceiver(notification.receiver())
                .setChannel(NotificationChannel.valueOf(notification.channel()))
                .setDeliveryKey(notification.deliveryKey())
                .setAttempt(notification.attempts())
                .setOutcome(outcome)
                .setError(error)
                .setLatencyMs((System.nanoTime() - startedNanos) / 1_000_000)
                .build();
        // the row already records the attempt; a lost audit event must not cause a second delivery
        return publisher.publish(Topics.NOTIFICATIONS, notification.fingerprint(), event)
                .doOnError(e -> log.warn("Could not publish outcome of {}: {}", notification.deliveryKey(), e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
