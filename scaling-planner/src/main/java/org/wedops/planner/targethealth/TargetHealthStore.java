package org.wedops.planner.targethealth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queries over the latest check per target, which service-support's LatestTargetHealth keeps in target_health. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TargetHealthStore {

    public record UnhealthyTarget(String targetId, String service, String region, String status, List<String> reasons, Instant checkedAt) {
    }

    private final DatabaseClient db;

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
