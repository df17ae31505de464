package org.wedops.deploy.audit;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Who did what to which deployment, when, why and with what outcome — refusals included. */
@Component
public class AuditLog {

    private final DatabaseClient db;

    AuditLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(Instant at, String actor, String action, String target, String reason, String outcome) {
        return db.sql("insert into audit_log (at, actor, action, target, reason, outcome) values (:at, :actor, :action, :target, :reason, :outcome)")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("outcome", outcome)
                .fetch().rowsUpdated().then();
    }
}
