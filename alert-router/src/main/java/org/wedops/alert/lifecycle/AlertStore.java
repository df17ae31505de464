package org.wedops.alert.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The alert table. Callers run these inside their transaction. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertStore {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    /** Marks an event consumed; false when it already was (a redelivery). */
    public Mono<Boolean> markProcessed(String eventId, Instant now) {
        return db.sql("insert into processed_event (event_id, processed_at) values (:id, :now) on conflict do nothing")
                .bind("id", eventId).bind("now", at(now))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Marks a batch of events consumed; answers the ids not seen before (the rest are redeliveries). */
    public Mono<Set<String>> markProcessed(Collection<String> eventIds, Instant now) {
        return db.sql("""
                        insert into processed_event (event_id, processed_at) select id, :now from unnest(:ids::text[]) as id
                        on conflict do nothing returning event_id""")
                .bind("ids", eventIds.toArray(String[]::new)).bind("now", at(now))
                .map(row -> row.get("event_id", String.class)).all()
                .collect(Collectors.toSet());
    }

    public Mono<StoredAlert> findForUpdate(String fingerprint) {
        return db.sql("select * from alert where fingerprint = :fp for update").bind("fp", fingerprint).map(this::read).one();
    }

    /** Locks the alerts in a fixed order, so two transactions locking overlapping sets cannot deadlock. */
    public Flux<StoredAlert> findAllForUpdate(Collection<String> fingerprints) {
        return db.sql("select * from alert where fingerprint = any(:fps) order by fingerprint for update")
                .bind("fps", fingerprints.toArray(String[]::new))
                .map(this::read).all();
    }

    public Mono<StoredAlert> find(String fingerprint) {
        return db.sql("select * from alert where fingerprint = :fp").bind("fp", fingerprint).map(this::read).one();
    }

    public Flux<StoredAlert> list(AlertQuery query) {
        return db.sql("""
                        select * from alert
                        where (:state::text is null or state = :state) and (:severity::text is null or severity = :severity)
                          and (:service::text is null or service = :service) and (:region::text is null or region = :region)
                          and (:since::timestamptz is null or updated_at >= :since)
                        order by updated_at desc limit :limit""")
                .bind("state", Parameter.fromOrEmpty(query.state() == null ? null : query.state().name(), String.class))
                .bind("severity", Parameter.fromOrEmpty(query.severity(), String.class))
                .bind("service", Parameter.fromOrEmpty(query.service(), String.class))
                .bind("region", Parameter.fromOrEmpty(query.region(), String.class))
                .bind("since", Parameter.fromOrEmpty(query.since() == null ? null : at(query.since()), OffsetDateTime.class))
                .bind("limit", query.limit())
                .map(this::read).all();
    }

    /** Every alert firing now; inhibition and catch-up flushes look through them. */
    public Flux<StoredAlert> firing() {
        return db.sql("select * from alert where state = 'FIRING'").map(this::read).all();
    }

    public Flux<StoredAlert> findAll(Collection<String> fingerprints) {
        return db.sql("select * from alert where fingerprint = any(:fps)").bind("fps", fingerprints.toArray(String[]::new))
                .map(this::read).all();
    }

    public Mono<Void> save(StoredAlert alert, Instant now) {
        return saveAll(List.of(alert), now);
    }

    /** Upserts many alerts in one statement: an alert storm must not cost a round trip per alert. */
    public Mono<Void> saveAll(Collection<StoredAlert> batch, Instant now) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        List<Map<String, Object>> rows = batch.stream().map(AlertStore::row).toList();
        return db.sql("""
                        insert into alert (fingerprint, name, severity, service, region, summary, description, source, profile, runbook_url,
                                           labels, state, starts_at, ends_at, acknowledged_by, acknowledged_at, last_event_at, updated_at)
                        select r.fingerprint, r.name, r.severity, r.service, r.region, r.summary, r.description, r.source, r.profile,
                               r.runbook_url, r.labels, r.state, r.starts_at, r.ends_at, r.acknowledged_by, r.acknowledged_at,
                               r.last_event_at, :now
                        from jsonb_to_recordset(:rows) as r(fingerprint text, name text, severity text, service text, region text,
                             summary text, description text, source text, profile text, runbook_url text, labels jsonb, state text,
                             starts_at timestamptz, ends_at timestamptz, acknowledged_by text, acknowledged_at timestamptz,
                             last_event_at timestamptz)
                        on conflict (fingerprint) do update set name = excluded.name, severity = excluded.severity,
                          service = excluded.service, region = excluded.region, summary = excluded.summary,
                          description = excluded.description, source = excluded.source, profile = excluded.profile,
                          runbook_url = excluded.runbook_url, labels = excluded.labels, state = excluded.state,
                          starts_at = excluded.starts_at, ends_at = excluded.ends_at, acknowledged_by = excluded.acknowledged_by,
                          acknowledged_at = excluded.acknowledged_at, last_event_at = excluded.last_event_at, updated_at = excluded.updated_at""")
                .bind("rows", Json.of(json.writeValueAsString(rows)))
                .bind("now", at(now))
                .fetch().rowsUpdated().then();
    }

    private static Map<String, Object> row(StoredAlert alert) {
        Map<String, Object> row = new HashMap<>();
        row.put("fingerprint", alert.fingerprint());
        row.put("name", alert.name());
        row.put("severity", alert.severity());
        row.put("service", alert.service());
        row.put("region", alert.region());
        row.put("summary", alert.summary());
        row.put("description", alert.description());
        row.put("source", alert.source());
        row.put("profile", alert.profile());
        row.put("runbook_url", alert.runbookUrl());
        row.put("labels", alert.labels());
        row.put("state", alert.state().name());
        row.put("starts_at", text(alert.startsAt()));
        row.put("ends_at", text(alert.endsAt()));
        row.put("acknowledged_by", alert.acknowledgedBy());
        row.put("acknowledged_at", text(alert.acknowledgedAt()));
        row.put("last_event_at", text(alert.lastEventAt()));
        return row;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
