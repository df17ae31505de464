package org.wedops.health.restart;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.HealthSource;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.health.status.CheckSubject;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.protection.RegionProtection;

import reactor.core.publisher.Mono;

/**
 * Decides, performs, audits and announces restarts. Every decision, taken or refused, is written to
 * {@code restart_decision} and published as an alert: LOW when a restart was performed, CRITICAL when a CRITICAL
 * target could not be restarted, saying why, so a human takes over.
 */
@Component
public class RestartDecisions {

    private static final Logger log = LoggerFactory.getLogger(RestartDecisions.class);

    private final Map<HealthSource, Restarter> restarters;
    private final RestartBudgets budgets;
    private final ProtectionStates protection;
    private final EventPublisher publisher;
    private final AlertSource alerts;
    private final DatabaseClient db;
    private final Clock clock;

    RestartDecisions(List<Restarter> restarters, RestartBudgets budgets, ProtectionStates protection, EventPublisher publisher,
                     AlertSource alerts, DatabaseClient db, Clock clock) {
        this.restarters = restarters.stream().collect(Collectors.toMap(Restarter::source, r -> r));
        this.budgets = budgets;
        this.protection = protection;
        this.publisher = publisher;
        this.alerts = alerts;
        this.db = db;
        this.clock = clock;
    }

    /** A target stayed CRITICAL: restart it if the rules allow, otherwise escalate. */
    public Mono<RestartPolicy.Decision> onCritical(CheckSubject subject, boolean autoRestartEnabled) {
        return decideAndAct(subject, autoRestartEnabled, false, false, "collector", null);
    }

    /** A person asks for a restart; an ADMIN may override a protected window in an emergency, with a reason. */
    public Mono<RestartPolicy.Decision> byHand(CheckSubject subject, String who, boolean emergency, String reason) {
        return decideAndAct(subject, false, true, emergency, who, reason);
    }

    public RegionProtection protectionOf(String region) {
        return protection.protection(region);
    }

    private Mono<RestartPolicy.Decision> decideAndAct(CheckSubject subject, boolean autoRestart, boolean manual, boolean emergency,
                                                      String who, String why) {
        Instant now = clock.instant();
        RegionProtection region = protection.protection(subject.region());
        Restarter restarter = restarters.get(subject.source());
        RestartPolicy.Situation situation = new RestartPolicy.Situation(autoRestart, restarter != null,
                region.forbidsAutomaticActions(now), region.reason(now),
                manual || budgets.hasLeft(subject.id()), manual, emergency);
        RestartPolicy.Decision decision = RestartPolicy.decide(situation);
        Mono<String> outcome = decision.restart()
                ? Mono.defer(() -> {
                    if (!manual) {
                        budgets.take(subject.id());
                    }
                    return restarter.restart(subject.id()).thenReturn("RESTARTED");
                }).onErrorResume(e -> {
                    log.warn("Restart of {} failed: {}", subject.id(), e.toString());
                    return Mono.just("FAILED: " + e.getMessage());
                })
                : Mono.just("REFUSED");
        return outcome.flatMap(result -> audit(subject, decision, result, who, why, now)
                .then(announce(subject, decision, result, now))
                .thenReturn(decision));
    }

    private Mono<Void> audit(CheckSubject subject, RestartPolicy.Decision decision, String outcome, String who, String why, Instant now) {
        return db.sql("""
                        insert into restart_decision (id, target_id, source, decided_at, decided_by, restart, reason, outcome, request_reason)
                        values (:id, :target, :source, :at, :by, :restart, :reason, :outcome, :why)""")
                .bind("id", UUID.randomUUID()).bind("target", subject.id()).bind("source", subject.source().name())
                .bind("at", now.atOffset(ZoneOffset.UTC)).bind("by", who).bind("restart", decision.restart())
                .bind("reason", decision.reason()).bind("outcome", outcome)
                .bind("why", Parameter.fromOrEmpty(why, String.class))
                .fetch().rowsUpdated().then();
    }

    private Mono<Void> announce(CheckSubject subject, RestartPolicy.Decision decision, String outcome, Instant now) {
        boolean restarted = "RESTARTED".equals(outcome);
        String name = restarted ? "TargetRestarted" : "TargetNotRestarted";
        String summary = restarted
                ? subject.id() + " was restarted (" + decision.reason() + ")"
                : subject.id() + " is CRITICAL and was not restarted: " + (decision.restart() ? outcome : decision.reason());
        // a restart is its own alert (one per restart), a refusal one per episode
        Alert alert = alerts.alert(alerts.fingerprint(subject.id(), name) + (restarted ? "-" + now.toEpochMilli() : ""), now)
                .setName(name).setStatus(AlertStatus.FIRING).setSeverity(restarted ? Severity.LOW : Severity.CRITICAL)
                .setService(subject.service()).setRegion(subject.region()).setSummary(summary)
                .setStartsAt(now).setLabels(Map.of("target", subject.id(), "source", subject.source().name(), "decision", decision.reason()))
                .build();
        return publisher.publish(Topics.ALERTS, alert.getFingerprint(), alert).then();
    }
}
