package org.wedops.support.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who did what to which thing, when, why and with what outcome, refusals included, in the service's own
 * {@code audit_log} table, which the library's own migration creates ({@link AuditAutoConfiguration}).
 */
@RequiredArgsConstructor
public class AuditLog {

    private final DatabaseClient db;

    public Mono<Void> record(Instant at, String actor, String action, String target, String reason, String outcome) {
        return db.sql("insert into audit_log (at, actor, action, target, reason, outcome) values (:at, :actor, :action, :target, :reason, :outcome)")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("outcome", outcome)
                .fetch().rowsUpdated().then();
    }

    /** The entries the query asks for, newest first; each filter is a bound parameter, never spliced text. */
    public Flux<AuditEntry> find(AuditQuery query) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("select id, at, actor, action, target, reason, outcome from audit_log"
                        + " where (cast(:actor as text) is null or actor = :actor)"
                        + " and (cast(:action as text) is null or action = :action)"
                        + " and (cast(:from as timestamptz) is null or at >= :from)"
                        + " and (cast(:to as timestamptz) is null or at < :to)"
                        + " order by at desc, id desc limit :limit")
                .bind("actor", Parameter.fromOrEmpty(query.actor(), String.class))
                .bind("action", Parameter.fromOrEmpty(query.action(), String.class))
                .bind("from", Parameter.fromOrEmpty(query.from() == null ? null : query.from().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("to", Parameter.fromOrEmpty(query.to() == null ? null : query.to().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("limit", query.limit());
        return spec.map((row, meta) -> new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
                row.get("actor", String.class), row.get("action", String.class), row.get("target", String.class),
                row.get("reason", String.class), row.get("outcome", String.class))).all();
    }
}
