package org.wedops.deploy.targethealth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** Queries over the latest check per target, which service-support's LatestTargetHealth keeps in target_health. */
@Component
public class TargetHealthStore {

    private final DatabaseClient db;

    TargetHealthStore(DatabaseClient db) {
        this.db = db;
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
