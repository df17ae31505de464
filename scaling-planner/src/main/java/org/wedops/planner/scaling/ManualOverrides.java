package org.wedops.planner.scaling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Replica counts set by hand, which automatic decisions leave alone until they expire. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ManualOverrides {

    public record Override(String service, int replicas, Instant until, String decidedBy, String reason) {
    }

    private final DatabaseClient db;

    public Mono<Void> set(Override override) {
        return db.sql("""
                        insert into manual_override (service, replicas, until, decided_by, reason) values (:service, :replicas, :until, :by, :reason)
                        on conflict (service) do update set replicas = excluded.replicas, until = excluded.until,
                          decided_by = excluded.decided_by, reason = excluded.reason""")
                .bind("service", override.service()).bind("replicas", override.replicas())
                .bind("until", override.until().atOffset(ZoneOffset.UTC)).bind("by", override.decidedBy()).bind("reason", override.reason())
                .fetch().rowsUpdated().then();
    }

    /** The service's override in force at {@code now}, if any. */
    public Mono<Override> active(String service, Instant now) {
        return db.sql("select * from manual_override where service = :service and until > :now")
                .bind("service", service).bind("now", now.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new Override(row.get("service", String.class), row.get("replicas", Integer.class),
                        row.get("until", OffsetDateTime.class).toInstant(), row.get("decided_by", String.class), row.get("reason", String.class)))
                .one();
    }
}
