package org.wedops.deploy.execution;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.support.database.RecurringWork;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Finds deployments that need an owner and drives them. Ownership is a lease on the row: claimed with
 * {@code FOR UPDATE SKIP LOCKED} (two instances never claim the same row), renewed while driving, and taken over by
 * another instance once it runs out — a killed instance's deployments are resumed or concluded from their persisted
 * phase ({@link DeploymentExecution}). Lease times are read on the database's clock, so instances with skewed clocks
 * cannot both own one. An instance claims only services it has drivers configured for.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeploymentRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRunner.class);

    private final DatabaseClient db;
    private final DeploymentExecution execution;
    private final ExecutionProperties properties;
    private final DeployableServices services;
    private final RecurringWork work;
    private final String instance = "orchestrator-" + UUID.randomUUID();
    private final Map<UUID, Disposable> driving = new ConcurrentHashMap<>();
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("deployment claims", properties.claimEvery(), wakeUps.asFlux(), this::claimAndDrive);
        // one renewal for every deployment this instance drives, a third of the lease apart: two may fail in a row
        work.start("deployment lease renewal", properties.lease().dividedBy(3), this::renew);
    }

    /** A new deployment is waiting: claim it now rather than at the next tick. */
    public void wakeUp() {
        wakeUps.tryEmitNext(true);
    }

    private Mono<Void> claimAndDrive() {
        int free = properties.concurrency() - driving.size();
        if (free <= 0 || services.names().isEmpty()) {
            return Mono.empty();
        }
        return claim(free).doOnNext(this::startDriving).then();
    }

    private Flux<Deployment> claim(int atMost) {
        return db.sql("""
                        update deployment set owner = :me, lease_until = clock_timestamp() + :millis * interval '1 millisecond'
                        where id in (select id from deployment
                                     where not concluded and service = any(:services)
                                       and (lease_until is null or lease_until < clock_timestamp())
                                     order by created_at limit :limit
                                     for update skip locked)
                        returning *""")
                .bind("me", instance).bind("millis", properties.lease().toMillis())
                .bind("services", services.names().toArray(String[]::new)).bind("limit", atMost)
                .map((row, meta) -> Deployment.from(row))
                .all()
                // a claim stuck on the database must not hold the claim loop; the next tick tries again
                .timeout(properties.lease());
    }

    private void startDriving(Deployment d) {
        log.info("{} drives deployment {} of {} {} from {}", instance, d.id(), d.service(), d.version(), d.phase());
        Disposable run = execution.drive(d, instance)
                .doOnError(e -> log.warn("Deployment {} left to the next owner: {}", d.id(), e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> release(d.id())))
                .doFinally(signal -> {
                    driving.remove(d.id());
                    wakeUp();
                })
                .subscribe();
        driving.put(d.id(), run);
    }

    private Mono<Void> renew() {
        if (driving.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        update deployment set lease_until = clock_timestamp() + :millis * interval '1 millisecond'
                        where owner = :me and not concluded""")
                .bind("me", instance).bind("millis", properties.lease().toMillis())
                .fetch().rowsUpdated()
                // an answer later than this is useless: the lease may have run out meanwhile; the next renewal tries again
                .timeout(properties.lease().dividedBy(3))
                .then();
    }

    private Mono<Void> release(UUID id) {
        return db.sql("update deployment set owner = null, lease_until = null where id = :id and owner = :me")
                .bind("id", id).bind("me", instance).fetch().rowsUpdated().then();
    }

    /**
     * Stops driving; the leases run out and other instances take over. Nothing is released here on purpose: a step
     * cancelled half-way must be concluded by the next owner from the persisted phase, exactly as after a crash.
     */
    @Override
    public void destroy() {
        driving.values().forEach(Disposable::dispose);
    }
}
