package org.wedops.support.audit;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

import reactor.core.publisher.Mono;

/**
 * Who did what to which thing, when, why and with what outcome, refusals included, in the service's own
 * {@code audit_log} table (created by the migrations of each service that audits changes).
 */
public class AuditLog {

    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(Instant at, String actor, String action, String target, String reason, String outcome) {
        return db.sql("insert into audit_log (at, actor, action, target, reason, outcome) values (:at, :actor, :action, :target, :reason, :outcome)")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("outcome", outcome)
                .fetch().rowsUpdated().then();
    }
}
