package org.wedops.deploy.targethealth;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** Queries over the latest check per target, which service-support's LatestTargetHealth keeps in target_health. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TargetHealthStore {

    private final DatabaseClient db;
    private final TargetHealthProperties properties;
    private final Clock clock;

    /** Every target's latest check, of one service and region when given (blank: all); older than the stale limit marked stale. */
    public Flux<TargetHealth> all(String service, String region) {
        Instant staleBefore = clock.instant().minus(properties.healthStaleAfter());
        service = service == null || service.isBlank() ? null : service;
        region = region == null || region.isBlank() ? null : region;
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
