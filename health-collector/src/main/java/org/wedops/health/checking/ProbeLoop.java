package org.wedops.health.checking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.targets.ConfiguredTargets;
import org.wedops.health.targets.HealthTargetRepository;
import org.wedops.health.targets.TargetSchedule;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every tick, checks the due targets concurrently (bounded), each under its own timeout, so a slow target never
 * delays the others. Starts once the database schema is ready.
 */
@Component
class ProbeLoop implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProbeLoop.class);

    private final TargetSchedule schedule;
    private final TargetCheck check;
    private final HealthTargetRepository targets;
    private final ConfiguredTargets configured;
    private final ProtectionStates protection;
    private final HealthCollectorProperties properties;
    private final DeferredMigration migration;
    private volatile Disposable loop;

    ProbeLoop(TargetSchedule schedule, TargetCheck check, HealthTargetRepository targets, ConfiguredTargets configured,
              ProtectionStates protection, HealthCollectorProperties properties, DeferredMigration migration) {
        this.schedule = schedule;
        this.check = check;
        this.targets = targets;
        this.configured = configured;
        this.protection = protection;
        this.properties = properties;
        this.migration = migration;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startOnceMigrated() {
        migration.whenMigrated(this::start);
    }

    private void start() {
        loop = configured.store()
                .thenMany(targets.findAll().doOnNext(schedule::add))
                .then(Mono.fromRunnable(() -> log.info("Probing {} target(s)", schedule.size())))
                .thenMany(Flux.interval(properties.tick()))
                .onBackpressureDrop()
                .concatMapIterable(tick -> schedule.takeDue(target ->
                        properties.thresholds().forProfile(protection.profile(target.region())).intervalFactor()))
                .flatMap(target -> check.check(target)
                        .onErrorResume(e -> {
                            log.warn("Check of {} failed: {}", target.id(), e.toString());
                            return Mono.empty();
                        })
                        .doFinally(signal -> schedule.done(target)), properties.concurrency())
                .subscribe();
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
