package org.wedops.planner.lease;

import java.time.Duration;
import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The lease that lets exactly one planner instance act (publish boundary changes, decide and apply scaling) when the
 * service is scaled out: one row in {@code planner_lease}, taken or renewed by one conditional upsert
 * ({@code … on conflict do update … where until < now or holder = me}), so at most one holder has an unexpired
 * lease at a time. Expiry is read on the database's clock, never on the instances' own clocks (nor on the injected
 * Clock that tests move), so clock skew between instances cannot hand it to two of them.
 *
 * <p>Why not ShedLock's R2DBC provider: its last release on Maven Central is 5.10.2, outside the project's BOMs
 * (a pinned version against a much older r2dbc-spi); its {@code LockProvider} is synchronous, so it would block on
 * its own reactive calls; and it locks one run of a task with lockAtMostFor/lockAtLeastFor rather than keeping a
 * holder that renews — the planner needs "am I the one acting" between runs too (the boundary loop, the scaling
 * loop and the stabilisation history all follow the holder). The whole lease is this one statement and its table.
 *
 * <p>An instance also stops acting on its own once its lease would have run out since its last successful renewal
 * (measured from before the renewal was sent), even if it cannot reach the database to learn that it lost it.
 */
@RequiredArgsConstructor
public class PlannerLease {

    private static final Logger log = LoggerFactory.getLogger(PlannerLease.class);

    private final DatabaseClient db;
    private final String name;
    private final Duration duration;
    private final String holder;
    private final Sinks.Many<Boolean> leadership = Sinks.many().multicast().directBestEffort();
    private volatile long heldUntilNanos;
    private volatile boolean held;

    /** Takes the lease if it is free or ran out, or renews it if this instance holds it; answers whether it holds it now. */
    public Mono<Boolean> renew() {
        return Mono.defer(() -> {
            long sentAt = System.nanoTime();
            return db.sql("""
                            insert into planner_lease (name, holder, until)
                            values (:name, :holder, clock_timestamp() + :millis * interval '1 millisecond')
                            on conflict (name) do update set holder = excluded.holder, until = excluded.until
                            where planner_lease.until < clock_timestamp() or planner_lease.holder = excluded.holder""")
                    .bind("name", name).bind("holder", holder).bind("millis", duration.toMillis())
                    .fetch().rowsUpdated()
                    .map(rows -> rows > 0)
                    .doOnNext(acquired -> {
                        if (acquired) {
                            heldUntilNanos = sentAt + duration.toNanos();
                        }
                        update(acquired);
                    })
                    .doOnError(e -> update(isHeld()));
        });
    }

    /** Gives the lease up at once (on shutdown), so another instance need not wait for it to run out. */
    public Mono<Void> release() {
        return db.sql("delete from planner_lease where name = :name and holder = :holder")
                .bind("name", name).bind("holder", holder)
                .fetch().rowsUpdated()
                .doOnNext(rows -> {
                    heldUntilNanos = System.nanoTime();
                    update(false);
                })
                .then();
    }

    /** On shutdown: gives the lease up if held, so that another instance takes over at once. */
    public void close() {
        if (isHeld()) {
            try {
                release().block(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                log.debug("Lease not released ({}); it runs out by itself", e.toString());
            }
        }
    }

    /** Whether this instance may act now. */
    public boolean isHeld() {
        return held && System.nanoTime() - heldUntilNanos < 0;
    }

    /** true each time this instance takes the lease, false each time it loses it. */
    public Flux<Boolean> leadership() {
        return leadership.asFlux();
    }

    public String holder() {
        return holder;
    }

    private synchronized void update(boolean nowHeld) {
        boolean was = held;
        held = nowHeld;
        if (was != nowHeld) {
            log.info(nowHeld ? "Planner lease '{}' taken by {}: this instance acts" : "Planner lease '{}' lost by {}: this instance stops acting",
                    name, holder);
            leadership.tryEmitNext(nowHeld);
        }
    }
}
