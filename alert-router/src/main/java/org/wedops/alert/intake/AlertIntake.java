package org.wedops.alert.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.delivery.Receivers;
import org.wedops.alert.lifecycle.AlertLifecycle;
import org.wedops.alert.lifecycle.AlertLifecycle.Decision;
import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.events.Alert;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one alert event in a single transaction: the event id is marked consumed, the alert's state moves, and
 * the notifications it causes are queued in the outbox. Either all of it is stored or none of it.
 */
@Component
public class AlertIntake {

    private final AlertStore alerts;
    private final NotificationOutbox outbox;
    private final Receivers receivers;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final Clock clock;

    AlertIntake(AlertStore alerts, NotificationOutbox outbox, Receivers receivers, DispatchTrigger trigger,
                TransactionalOperator transaction, Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.receivers = receivers;
        this.trigger = trigger;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Mono<Void> accept(Alert event) {
        Instant now = clock.instant();
        return alerts.markProcessed(event.getEventId(), now)
                .flatMap(fresh -> fresh ? apply(event, now) : Mono.empty())
                .as(transaction::transactional)
                .then(Mono.fromRunnable(trigger::poke));
    }

    private Mono<Void> apply(Alert event, Instant now) {
        return alerts.findForUpdate(event.getFingerprint())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> {
                    if (current.isPresent() && event.getOccurredAt().isBefore(current.get().lastEventAt())) {
                        return Mono.empty(); // an older event arriving late changes nothing
                    }
                    Decision decision = AlertLifecycle.apply(current.map(StoredAlert::state).orElse(null), event.getStatus());
                    StoredAlert next = merge(current.orElse(null), event, decision);
                    return alerts.save(next, now).then(queue(next, decision.notification(), now));
                });
    }

    private Mono<Void> queue(StoredAlert alert, Notify notify, Instant now) {
        if (notify == Notify.NONE) {
            return Mono.empty();
        }
        return Flux.fromIterable(receivers.forAlert())
                .concatMap(receiver -> outbox.enqueue(alert, notify, receiver, now))
                .then();
    }

    private static StoredAlert merge(StoredAlert current, Alert event, Decision decision) {
        boolean resolved = decision.state() == AlertState.RESOLVED;
        Instant startsAt = decision.newEpisode() || current == null ? event.getStartsAt() : current.startsAt();
        Instant endsAt = resolved ? (event.getEndsAt() != null ? event.getEndsAt() : event.getOccurredAt()) : null;
        boolean keepAck = current != null && !decision.newEpisode();
        return new StoredAlert(event.getFingerprint(), event.getName(), event.getSeverity().name(), event.getService(),
                event.getRegion(), event.getSummary(), event.getDescription(), event.getSource(), event.getProfile().name(),
                event.getRunbookUrl(), Map.copyOf(event.getLabels()), decision.state(), startsAt, endsAt,
                keepAck ? current.acknowledgedBy() : null, keepAck ? current.acknowledgedAt() : null, event.getOccurredAt());
    }
}
