package org.wedops.health.checking;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.targets.ConfiguredTargets;
import org.wedops.health.targets.HealthTarget;
import org.wedops.health.targets.HealthTargetRepository;
import org.wedops.health.targets.TargetSchedule;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every tick, probes the due HTTP targets concurrently (bounded across ticks, {@link RecurringWork#startEach}), each
 * under its own timeout, so a slow target never delays the others. Which targets are due, at what pace, and that a target
 * is not taken again while in flight is {@link TargetSchedule}'s per-target business; the tick only asks it. The
 * first run stores the configured targets and loads the registered ones, trying again with back-off until it can.
 */
@Component
class ProbeLoop {

    private static final Logger log = LoggerFactory.getLogger(ProbeLoop.class);

    private final TargetSchedule schedule;
    private final TargetCheck check;
    private final ProtectionStates protection;
    private final CheckingProperties settings;
    private final ThresholdProperties thresholds;
    private final RecurringWork work;
    private final Mono<Void> loaded;

    ProbeLoop(TargetSchedule schedule, TargetCheck check, HealthTargetRepository targets, ConfiguredTargets configured,
              ProtectionStates protection, CheckingProperties settings, ThresholdProperties thresholds, RecurringWork work) {
        this.schedule = schedule;
        this.check = check;
        this.protection = protection;
        this.settings = settings;
        this.thresholds = thresholds;
        this.work = work;
        this.loaded = configured.store()
                .thenMany(targets.findAll().doOnNext(schedule::add))
                .then(Mono.<Void>fromRunnable(() -> log.info("Probing {} target(s)", schedule.size())))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn("Loading the HTTP targets failed, trying again: {}", retry.failure().toString())))
                .cache();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.startEach("HTTP probing", settings.tick(), this::due, HealthTarget::id, check::check, schedule::done, settings.concurrency());
    }

    private Flux<HealthTarget> due() {
        return loaded.thenMany(Flux.defer(() -> Flux.fromIterable(schedule.takeDue(target ->
                thresholds.forProfile(protection.profile(target.region())).intervalFactor()))));
    }
}
