package org.wedops.apm.models;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Topics;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges every recently observed model on a schedule and tells ops.alerts.v1 when a condition begins (FIRING) and
 * when it ends (RESOLVED), once each: what is firing is kept in {@code model_alert}, written after the broker took
 * the alert, so a crash in between repeats an alert (which the alert-router deduplicates) rather than losing one.
 * A condition the data cannot judge (too few scores or labels) keeps its state.
 */
@Component
class ModelAlerts {

    private final ModelReports reports;
    private final ModelMonitoringProperties settings;
    private final DatabaseClient db;
    private final EventPublisher events;
    private final Clock clock;

    ModelAlerts(ModelReports reports, ModelMonitoringProperties settings, DatabaseClient db, EventPublisher events, Clock clock,
                RecurringWork work) {
        this.reports = reports;
        this.settings = settings;
        this.db = db;
        this.events = events;
        this.clock = clock;
        work.start("model monitoring", settings.evaluateEvery(), this::evaluateAll);
    }

    Mono<Void> evaluateAll() {
        return reports.recentlyObserved().flatMapMany(Flux::fromIterable)
                .concatMap(model -> reports.of(model, settings.reference()))
                .concatMap(report -> firing(report.modelId()).flatMapMany(known -> Flux.fromIterable(ModelCondition.of(report))
                        .filter(ModelCondition::known)
                        .concatMap(condition -> tell(condition, known.get(condition.fingerprint())))))
                .then();
    }

    private Mono<Void> tell(ModelCondition condition, Instant firingSince) {
        Instant now = clock.instant();
        if (condition.firing() && firingSince == null) {
            return events.publish(Topics.ALERTS, condition.fingerprint(), alert(condition, AlertStatus.FIRING, now, null))
                    .then(db.sql("""
                                    insert into model_alert (fingerprint, model_id, condition, since, summary) values (:fp, :model, :condition, :since, :summary)
                                    on conflict (fingerprint) do nothing""")
                            .bind("fp", condition.fingerprint()).bind("model", condition.modelId()).bind("condition", condition.name())
                            .bind("since", now.atOffset(ZoneOffset.UTC)).bind("summary", condition.summary())
                            .fetch().rowsUpdated())
                    .then();
        }
        if (!condition.firing() && firingSince != null) {
            return events.publish(Topics.ALERTS, condition.fingerprint(), alert(condition, AlertStatus.RESOLVED, firingSince, now))
                    .then(db.sql("delete from model_alert where fingerprint = :fp").bind("fp", condition.fingerprint()).fetch().rowsUpdated())
                    .then();
        }
        return Mono.empty();
    }

    private Mono<Map<String, Instant>> firing(String modelId) {
        return db.sql("select fingerprint, since from model_alert where model_id = :model").bind("model", modelId)
                .map((row, meta) -> Map.entry(row.get("fingerprint", String.class), row.get("since", java.time.OffsetDateTime.class).toInstant()))
                .all()
                .collect(HashMap::new, (Map<String, Instant> firing, Map.Entry<String, Instant> entry) -> firing.put(entry.getKey(), entry.getValue()));
    }

    private Alert alert(ModelCondition condition, AlertStatus status, Instant startsAt, Instant endsAt) {
        Map<String, String> labels = new HashMap<>(Map.of("model", condition.modelId(), "condition", condition.name()));
        if (condition.segment() != null) {
            labels.put("segment", condition.segment());
        }
        return Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFingerprint(condition.fingerprint())
                .setName(condition.name())
                .setStatus(status)
                .setSeverity(condition.severity())
                .setService("model:" + condition.modelId())
                .setSummary(status == AlertStatus.FIRING ? condition.summary() : "resolved: " + condition.summary())
                .setSource("apm-ingest")
                .setStartsAt(startsAt)
                .setEndsAt(endsAt)
                .setLabels(labels)
                .build();
    }
}
