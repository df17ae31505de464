package org.wedops.alert.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
 * Applies alert events, a batch per transaction: the event ids are marked consumed, the alerts' states move, and a
 * real change (a new episode or a resolution) joins the alert to the group of every route it matches, starts or
 * stops its escalation, and ends silences that expire on resolution. Either all of it is stored or none of it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
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

    public Mono<Void> accept(Alert event) {
        return acceptAll(List.of(event));
    }

    /**
     * Applies a batch of events in one transaction, in order. Re-fires that the same batch supersedes are skipped
     * (they would only have moved the alert's last-event time), which is what keeps an alert storm from costing
     * a database round trip per event.
     */
    public Mono<Void> acceptAll(List<Alert> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return alerts.markProcessed(events.stream().map(Alert::getEventId).toList(), now)
                .flatMap(fresh -> apply(SupersededRefires.removeFrom(
                        events.stream().filter(event -> fresh.contains(event.getEventId())).toList()), now))
                .as(transaction::transactional)
                .then(Mono.fromRunnable(trigger::pokeGroups));
    }

    /** A real change of an alert (a new episode or a resolution), with the alert as that event left it. */
    private record Change(StoredAlert alert, Notify notification) {
    }

    /**
     * Reads and locks every alert of the batch at once, moves their states in memory in event order, writes them back
     * in one statement, then reacts to the real changes in order.
     */
    private Mono<Void> apply(List<Alert> events, Instant now) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        Set<String> fingerprints = new TreeSet<>();
        events.forEach(event -> fingerprints.add(event.getFingerprint()));
        return alerts.findAllForUpdate(fingerprints).collectMap(StoredAlert::fingerprint).flatMap(stored -> {
            Map<String, StoredAlert> latest = new HashMap<>(stored);
            Map<String, StoredAlert> touched = new LinkedHashMap<>();
            List<Change> changes = new ArrayList<>();
            for (Alert event : events) {
                StoredAlert current = latest.get(event.getFingerprint());
                if (current != null && event.getOccurredAt().isBefore(current.lastEventAt())) {
                    continue; // an older event arriving late changes nothing
                }
                Decision decision = AlertLifecycle.apply(current == null ? null : current.state(), event.getStatus());
                StoredAlert next = merge(current, event, decision);
                latest.put(next.fingerprint(), next);
                touched.put(next.fingerprint(), next);
                if (decision.notification() != Notify.NONE) {
                    changes.add(new Change(next, decision.notification()));
                }
            }
            // every change joins its groups in one go; what else each change starts or stops follows in event order
            return alerts.saveAll(touched.values(), now)
                    .then(groups.membersChanged(changes.stream().flatMap(change -> memberChanges(change.alert()).stream()).toList(), now))
                    .then(Flux.fromIterable(changes).concatMap(change -> react(change, now)).then());
        });
    }

    private Mono<Void> react(Change change, Instant now) {
        StoredAlert alert = change.alert();
        return switch (change.notification()) {
            case NONE -> Mono.empty();
            case FIRING -> startEscalation(alert, now);
            case RESOLVED -> escalations.stop(alert.fingerprint())
                    .then(expireSilencesOnResolve(alert, now))
                    .then(groups.flushNowGroupsWithUntoldFiring(now)).then();
        };
    }

    /** Joins the alert to its group on every route it matches and schedules those groups' flushes. */
    Mono<Void> changed(StoredAlert alert, Instant now) {
        return groups.membersChanged(memberChanges(alert), now);
    }

    private List<AlertGroups.MemberChange> memberChanges(StoredAlert alert) {
        Map<String, String> labels = AlertLabels.of(alert, protection);
        return routing.config().routesFor(labels).stream()
                .map(route -> new AlertGroups.MemberChange(route, route.groupKey(labels), groupLabels(route, labels), alert.fingerprint()))
                .toList();
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
        Map<String, String> grouped = new TreeMap<>();
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
