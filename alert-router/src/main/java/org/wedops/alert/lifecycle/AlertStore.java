package org.wedops.alert.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The alert table. Callers run these inside their transaction. */
@Component
public class AlertStore {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    AlertStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Marks an event consumed; false when it already was (a redelivery). */
    public Mono<Boolean> markProcessed(String eventId, Instant now) {
        return db.sql("insert into processed_event (event_id, processed_at) values (:id, :now) on conflict do nothing")
                .bind("id", eventId).bind("now", at(now))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<StoredAlert> findForUpdate(String fingerprint) {
        return db.sql("select * from alert where fingerprint = :fp for update").bind("fp", fingerprint).map(this::read).one();
    }

    public Mono<StoredAlert> find(String fingerprint) {
        return db.sql("select * from alert where fingerprint = :fp").bind("fp", fingerprint).map(this::read).one();
    }

    public Flux<StoredAlert> list(AlertState state, String service, int limit) {
        return db.sql("""
                        select * from alert
                        where (:state::text is null or state = :state) and (:service::text is null or service = :service)
                        order by updated_at desc limit :limit""")
                .bind("state", Parameter.fromOrEmpty(state == null ? null : state.name(), String.class))
                .bind("service", Parameter.fromOrEmpty(service, String.class))
                .bind("limit", limit)
                .map(this::read).all();
    }

    /** Every alert firing now; inhibition and catch-up flushes look through them. */
    public Flux<StoredAlert> firing() {
        return db.sql("select * from alert where state = 'FIRING'").map(this::read).all();
    }

    public Flux<StoredAlert> findAll(java.util.Collection<String> fingerprints) {
        return db.sql("select * from alert where fingerprint = any(:fps)").bind("fps", fingerprints.toArray(String[]::new))
                .map(this::read).all();
    }

    public Mono<Void> save(StoredAlert alert, Instant now) {
        return db.sql("""
                        insert into alert (fingerprint, name, severity, service, region, summary, description, source, profile, runbook_url,
                                           labels, state, starts_at, ends_at, acknowledged_by, acknowledged_at, last_event_at, updated_at)
                        values (:fp, :name, :severity, :service, :region, :summary, :description, :source, :profile, :runbook,
                                :labels, :state, :startsAt, :endsAt, :ackBy, :ackAt, :lastEventAt, :now)
                        on conflict (fingerprint) do update set name = excluded.name, severity = excluded.severity,
                          service = excluded.service, region = excluded.region, summary = excluded.summary,
                          description = excluded.description, source = excluded.source, profile = excluded.profile,
                          runbook_url = excluded.runbook_url, labels = excluded.labels, state = excluded.state,
                          starts_at = excluded.starts_at, ends_at = excluded.ends_at, acknowledged_by = excluded.acknowledged_by,
                          acknowledged_at = excluded.acknowledged_at, last_event_at = excluded.last_event_at, updated_at = excluded.updated_at""")
                .bind("fp", alert.fingerprint()).bind("name", alert.name()).bind("severity", alert.severity())
                .bind("service", alert.service())
                .bind("region", Parameter.fromOrEmpty(alert.region(), String.class))
                .bind("summary", alert.summary())
                .bind("description", Parameter.fromOrEmpty(alert.description(), String.class))
                .bind("source", alert.source()).bind("profile", alert.profile())
                .bind("runbook", Parameter.fromOrEmpty(alert.runbookUrl(), String.class))
                .bind("labels", Json.of(json.writeValueAsString(alert.labels())))
                .bind("state", alert.state().name())
                .bind("startsAt", at(alert.startsAt()))
                .bind("endsAt", Parameter.fromOrEmpty(alert.endsAt() == null ? null : at(alert.endsAt()), OffsetDateTime.class))
                .bind("ackBy", Parameter.fromOrEmpty(alert.acknowledgedBy(), String.class))
                .bind("ackAt", Parameter.fromOrEmpty(alert.acknowledgedAt() == null ? null : at(alert.acknowledgedAt()), OffsetDateTime.class))
                .bind("lastEventAt", at(alert.lastEventAt()))
                .bind("now", at(now))
                .fetch().rowsUpdated().then();
    }

    private StoredAlert read(Readable row) {
        return new StoredAlert(
                row.get("fingerprint", String.class), row.get("name", String.class), row.get("severity", String.class),
                row.get("service", String.class), row.get("region", String.class), row.get("summary", String.class),
                row.get("description", String.class), row.get("source", String.class), row.get("profile", String.class),
                row.get("runbook_url", String.class), json.readValue(row.get("labels", Json.class).asString(), LABELS),
                AlertState.valueOf(row.get("state", String.class)), instant(row, "starts_at"), instant(row, "ends_at"),
                row.get("acknowledged_by", String.class), instant(row, "acknowledged_at"), instant(row, "last_event_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
