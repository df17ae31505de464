package org.wedops.apm.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Mono;

/**
 * Tells ops.alerts.v1 when a condition begins (FIRING) and when it ends (RESOLVED), once each. What is firing is kept
 * in {@code apm_alert_state}, committed only after the broker took the alert: a crash in between repeats an alert,
 * which the alert-router deduplicates by fingerprint, rather than losing one.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConditionAlerts {

    public static final String SOURCE = "apm-ingest";

    private final DatabaseClient db;
    private final EventPublisher events;
    private final AlertSource alerts;
    private final Clock clock;
    private final TransactionalOperator transaction;

    /** Fingerprint → since when, of every condition of the subject that is firing. */
    public Mono<Map<String, Instant>> firing(String subject) {
        return db.sql("select fingerprint, since from apm_alert_state where subject = :subject").bind("subject", subject)
                .map((row, meta) -> Map.entry(row.get("fingerprint", String.class), row.get("since", OffsetDateTime.class).toInstant()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Of every subject, for evaluations that judge many at once. */
    public Mono<Map<String, Instant>> allFiring() {
        return db.sql("select fingerprint, since from apm_alert_state")
                .map((row, meta) -> Map.entry(row.get("fingerprint", String.class), row.get("since", OffsetDateTime.class).toInstant()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Tells a change of the condition, if it is one. The state row is claimed and the alert published inside one
     * transaction: two evaluations racing each other tell a change once (the second waits on the row, then finds it
     * changed), and a publish that fails rolls the claim back, so the change is told at the next evaluation.
     *
     * @param firingSince when the condition began firing, or null when it is not firing as far as we told
     */
    public Mono<Void> tell(AlertCondition condition, Instant firingSince) {
        Instant now = clock.instant();
        if (condition.firing() && firingSince == null) {
            return db.sql("""
                            insert into apm_alert_state (fingerprint, subject, name, since, summary) values (:fp, :subject, :name, :since, :summary)
                            on conflict (fingerprint) do nothing""")
                    .bind("fp", condition.fingerprint()).bind("subject", condition.subject()).bind("name", condition.name())
                    .bind("since", now.atOffset(ZoneOffset.UTC)).bind("summary", condition.summary())
                    .fetch().rowsUpdated()
                    .filter(claimed -> claimed > 0)
                    .flatMap(claimed -> events.publish(Topics.ALERTS, condition.fingerprint(), alert(condition, AlertStatus.FIRING, now, null)))
                    .as(transaction::transactional)
                    .then();
        }
        if (!condition.firing() && firingSince != null) {
            return db.sql("delete from apm_alert_state where fingerprint = :fp").bind("fp", condition.fingerprint())
                    .fetch().rowsUpdated()
                    .filter(claimed -> claimed > 0)
                    .flatMap(claimed -> events.publish(Topics.ALERTS, condition.fingerprint(),
                            alert(condition, AlertStatus.RESOLVED, firingSince, now)))
                    .as(transaction::transactional)
                    .then();
        }
        return Mono.empty();
    }

    private Alert alert(AlertCondition condition, AlertStatus status, Instant startsAt, Instant endsAt) {
        Map<String, String> labels = new HashMap<>(condition.labels());
        return alerts.alert(condition.fingerprint())
                .setName(condition.name())
                .setStatus(status)
                .setSeverity(condition.severity())
                .setService(condition.service())
                .setRegion(condition.region())
                .setProfile(condition.profile())
                .setSummary(status == AlertStatus.FIRING ? condition.summary() : "resolved: " + condition.summary())
                .setStartsAt(startsAt)
                .setEndsAt(endsAt)
                .setLabels(labels)
                .build();
    }
}
