package org.wedops.planner.targethealth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The latest check per target; a write applies only a newer check, so replays change nothing. */
@Component
public class TargetHealthStore {

    public record UnhealthyTarget(String targetId, String service, String region, String status, List<String> reasons, Instant checkedAt) {
    }

    private final DatabaseClient db;

    TargetHealthStore(DatabaseClient db) {
        this.db = db;
    }

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

    /** Targets of the service in the region whose latest check, made since {@code since}, was CRITICAL. */
    public Mono<Integer> criticalCount(String service, String region, Instant since) {
        return db.sql("""
                        select count(*) from target_health
                        where service = :service and region = :region and status = 'CRITICAL' and checked_at >= :since""")
                .bind("service", service).bind("region", region).bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> row.get(0, Long.class).intValue()).one();
    }

    /** Targets in the region whose latest check, made since {@code since}, was CRITICAL or DEGRADED. */
    public Flux<UnhealthyTarget> unhealthy(String region, Instant since) {
        return db.sql("""
                        select * from target_health
                        where region = :region and status in ('CRITICAL', 'DEGRADED') and checked_at >= :since
                        order by target_id""")
                .bind("region", region).bind("since", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new UnhealthyTarget(row.get("target_id", String.class), row.get("service", String.class),
                        row.get("region", String.class), row.get("status", String.class), List.of(row.get("reasons", String[].class)),
                        row.get("checked_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
