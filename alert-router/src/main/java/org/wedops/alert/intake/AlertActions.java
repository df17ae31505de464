package org.wedops.alert.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.escalation.Escalations;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.GroupNotification.AlertLine;
import org.wedops.alert.integration.Integration;
import org.wedops.alert.integration.Integrations;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.AlertLabels;
import org.wedops.alert.routing.Route;
import org.wedops.alert.routing.Routing;
import org.wedops.events.NotificationChannel;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/** What a person does to an alert: acknowledge it (escalation stops, PagerDuty is told) or resolve it by hand. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertActions {

    private final AlertStore alerts;
    private final AlertIntake intake;
    private final Escalations escalations;
    private final Routing routing;
    private final Integrations integrations;
    private final NotificationOutbox outbox;
    private final ProtectionStates protection;
    private final AuditLog audit;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public Mono<StoredAlert> acknowledge(String fingerprint, String who, String comment) {
        Instant now = clock.instant();
        return alerts.findForUpdate(fingerprint)
                .switchIfEmpty(Mono.error(notFound(fingerprint)))
                .flatMap(alert -> {
                    if (alert.state() != AlertState.FIRING) {
                        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "alert is " + alert.state() + ", not FIRING"));
                    }
                    StoredAlert acknowledged = with(alert, AlertState.ACKNOWLEDGED, alert.endsAt(), who, now);
                    return alerts.save(acknowledged, now)
                            .then(escalations.stop(fingerprint))
                            .then(tellPagerDuty(acknowledged, now))
                            .then(audit.record(now, who, "acknowledge", fingerprint, comment, "ACKNOWLEDGED"))
                            .thenReturn(acknowledged);
                })
                .as(transaction::transactional)
                .doOnSuccess(done -> trigger.poke());
    }

    public Mono<StoredAlert> resolve(String fingerprint, String who, String comment) {
        Instant now = clock.instant();
        return alerts.findForUpdate(fingerprint)
                .switchIfEmpty(Mono.error(notFound(fingerprint)))
                .flatMap(alert -> {
                    if (alert.state() == AlertState.RESOLVED) {
                        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "alert is already RESOLVED"));
                    }
                    StoredAlert resolved = with(alert, AlertState.RESOLVED, now, alert.acknowledgedBy(), alert.acknowledgedAt());
                    return alerts.save(resolved, now)
                            .then(escalations.stop(fingerprint))
                            .then(intake.changed(resolved, now))
                            .then(audit.record(now, who, "resolve", fingerprint, comment, "RESOLVED"))
                            .thenReturn(resolved);
                })
                .as(transaction::transactional)
                .doOnSuccess(done -> trigger.pokeGroups());
    }

    /** PagerDuty keeps its own incident per dedup key: it must hear of the acknowledgement too. */
    private Mono<Void> tellPagerDuty(StoredAlert alert, Instant now) {
        Map<String, String> labels = AlertLabels.of(alert, protection);
        GroupNotification content = new GroupNotification("ACKNOWLEDGED", "pagerduty", alert.fingerprint(),
                Map.of("alertname", alert.name()), List.of(AlertLine.of(alert)), List.of(), "acknowledged by " + alert.acknowledgedBy());
        List<Integration> pagerDuty = routing.config().routesFor(labels).stream()
                .map(Route::receiver).distinct()
                .flatMap(receiver -> integrations.of(receiver).stream())
                .filter(integration -> integration.channel() == NotificationChannel.PAGERDUTY)
                .toList();
        String keyPrefix = alert.fingerprint() + ":" + alert.startsAt().toEpochMilli() + ":ack:";
        return outbox.enqueueEach(keyPrefix, content, pagerDuty, null, List.of(alert.fingerprint()), now);
    }

    private static StoredAlert with(StoredAlert alert, AlertState state, Instant endsAt, String ackBy, Instant ackAt) {
        return new StoredAlert(alert.fingerprint(), alert.name(), alert.severity(), alert.service(), alert.region(), alert.summary(),
                alert.description(), alert.source(), alert.profile(), alert.runbookUrl(), alert.labels(), state, alert.startsAt(),
                endsAt, ackBy, ackAt, alert.lastEventAt());
    }

    private static ResponseStatusException notFound(String fingerprint) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert with fingerprint " + fingerprint);
    }
}
