package org.wedops.planner.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Emergencies in force, one row per region. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Emergencies {

    public record Active(String region, String reason, String declaredBy, Instant since) {
    }

    private final DatabaseClient db;

    /**
     * Declares (or re-declares, with the new reason) an emergency in a region. A region not known yet is registered
     * with the default zone, so that its protection is still published once the emergency ends.
     */
    public Mono<Void> declare(String region, String reason, String by, Instant at, String defaultZone) {
        return db.sql("insert into region (id, time_zone) values (:region, :zone) on conflict (id) do nothing")
                .bind("region", region).bind("zone", defaultZone).fetch().rowsUpdated()
                .then(db.sql("""
                        insert into emergency (region, reason, declared_by, since) values (:region, :reason, :by, :at)
                        on conflict (region) do update set reason = excluded.reason, declared_by = excluded.declared_by""")
                .bind("region", region).bind("reason", reason).bind("by", by).bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()).then();
    }

    /** Ends the region's emergency; answers whether there was one. */
    public Mono<Boolean> end(String region) {
        return db.sql("delete from emergency where region = :region").bind("region", region).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Flux<Active> active() {
        return db.sql("select * from emergency order by region")
                .map((row, meta) -> new Active(row.get("region", String.class), row.get("reason", String.class),
                        row.get("declared_by", String.class), row.get("since", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Every region the planner knows, for an emergency declared without one. */
    public Flux<String> knownRegions() {
        return db.sql("select id from region union select region from wedding where region is not null order by 1")
                .map((row, meta) -> row.get(0, String.class)).all();
    }
}
