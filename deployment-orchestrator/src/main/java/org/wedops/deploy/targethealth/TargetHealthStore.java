package org.wedops.deploy.targethealth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The latest check per target. A write applies only a check newer than the stored one, so replays change nothing. */
@Component
public class TargetHealthStore {

    private final DatabaseClient db;

    TargetHealthStore(DatabaseClient db) {
        this.db = db;
    }

    /** Answers whether the check replaced what was stored. */
    public Mono<Boolean> record(ContainerHealthReported check) {
        return db.sql("""
                        insert into target_health (target_id, service, region, status, reasons, checked_at, event_id)
                        values (:target, :service, :region, :status, :reasons, :checkedAt, :eventId)
                        on conflict (target_id) do update set service = excluded.service, region = excluded.region,
                          status = excluded.status, reasons = excluded.reasons, checked_at = excluded.checked_at,
                          event_id = excluded.event_id
                        where (target_health.checked_at, target_health.event_id) < (excluded.checked_at, excluded.event_id)""")
                .bind("target", check.getTargetId())
                .bind("service", check.getService())
                .bind("region", check.getRegion())
                .bind("status", check.getStatus().name())
                .bind("reasons", check.getReasons().toArray(String[]::new))
                .bind("checkedAt", check.getOccurredAt().atOffset(ZoneOffset.UTC))
                .bind("eventId", UUID.fromString(check.getEventId()))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** @param staleBefore checks older than this are marked stale */
    public Flux<TargetHealth> all(String service, String region, Instant staleBefore) {
        return db.sql("""
                        select * from target_health
                        where (:service::text is null or service = :service)
                          and (:region::text is null or region = :region)
                        order by target_id""")
                .bind("service", Parameter.fromOrEmpty(service, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map((row, meta) -> {
                    Instant checkedAt = row.get("checked_at", OffsetDateTime.class).toInstant();
                    return new TargetHealth(row.get("target_id", String.class), row.get("service", String.class),
                            row.get("region", String.class), row.get("status", String.class),
                            List.of(row.get("reasons", String[].class)), checkedAt, checkedAt.isBefore(staleBefore));
                })
                .all();
    }
}
