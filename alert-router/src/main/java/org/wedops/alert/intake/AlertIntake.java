package org.wedops.alert.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.grouping.AlertGroups;
import org.wedops.alert.escalation.Escalations;
import org.wedops.alert.lifecycle.AlertLifecycle;
import org.wedops.alert.lifecycle.AlertLifecycle.Decision;
import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.AlertLabels;
import org.wedops.alert.routing.EscalationPolicy;
import org.wedops.alert.routing.Route;
import org.wedops.alert.routing.Routing;
import org.wedops.alert.silence.Silences;
import org.wedops.events.Alert;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one alert event in a single transaction: the event id is marked consumed, the alert's state moves, and a
 * real change (a new episode or a resolution) joins the alert to the group of every route it matches, starts or
 * stops its escalation, and ends silences that expire on resolution. Either all of it is stored or none of it.
 */
@Component
public class AlertIntake {

    private final AlertStore alerts;
    private final AlertGroups groups;
    private final Escalations escalations;
    private final Silences silences;
    private final Routing routing;
    private final ProtectionStates protection;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final Clock clock;

    AlertIntake(AlertStore alerts, AlertGroups groups, Escalations escalations, Silences silences, Routing routing,
                ProtectionStates protection, DispatchTrigger trigger, TransactionalOperator transaction, Clock clock) {
        this.alerts = alerts;
        this.groups = groups;
        this.escalations = escalations;
        this.silences = silences;
        this.routing = routing;
        this.protection = protection;
        this.trigger = trigger;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Mono<Void> accept(Alert event) {
        Instant now = clock.instant();
        return alerts.markProcessed(event.getEventId(), now)
                .flatMap(fresh -> fresh ? apply(event, now) : Mono.empty())
                .as(transaction::transactional)
                .then(Mono.fromRunnable(trigger::pokeGroups));
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
                    Mono<Void> saved = alerts.save(next, now);
                    return switch (decision.notification()) {
                        case NONE -> saved;
                        case FIRING -> saved.then(changed(next, now)).then(startEscalation(next, now));
                        case RESOLVED -> saved.then(changed(next, now)).then(escalations.stop(next.fingerprint()))
                                .then(expireSilencesOnResolve(next, now))
                                .then(groups.flushNowGroupsWithUntoldFiring(now)).then();
                    };
                });
    }

    /** Joins the alert to its group on every route it matches and schedules those groups' flushes. */
    Mono<Void> changed(StoredAlert alert, Instant now) {
        Map<String, String> labels = AlertLabels.of(alert, protection);
        return Flux.fromIterable(routing.config().routesFor(labels))
                .concatMap(route -> groups.memberChanged(route, route.groupKey(labels), groupLabels(route, labels), alert.fingerprint(), now))
                .then();
    }

    private Mono<Void> startEscalation(StoredAlert alert, Instant now) {
        Map<String, String> labels = AlertLabels.of(alert, protection);
        return Flux.fromIterable(routing.config().routesFor(labels))
                .mapNotNull(Route::escalation)
                .next()
                .flatMap(name -> {
                    EscalationPolicy policy = routing.config().escalations().get(name);
                    boolean weddingDay = Boolean.parseBoolean(labels.get(AlertLabels.WEDDING_ACTIVE));
                    return escalations.start(alert.fingerprint(), name, alert.startsAt(), weddingDay,
                            now.plus(policy.tiers().get(0).timeout(weddingDay)));
                });
    }

    private Mono<Void> expireSilencesOnResolve(StoredAlert alert, Instant now) {
        Map<String, String> labels = AlertLabels.of(alert, protection);
        return silences.expiringOnResolve(now)
                .filter(silence -> silence.silences(labels))
                .concatMap(silence -> silences.expire(silence.id(), now))
                .then();
    }

    private static Map<String, String> groupLabels(Route route, Map<String, String> labels) {
        if (route.groupBy().contains(Route.ALL_LABELS)) {
            return labels;
        }
        java.util.Map<String, String> grouped = new java.util.TreeMap<>();
        route.groupBy().forEach(name -> grouped.put(name, labels.getOrDefault(name, "")));
        return grouped;
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
