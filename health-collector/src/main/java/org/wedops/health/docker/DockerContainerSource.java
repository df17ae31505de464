package org.wedops.health.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.checking.CheckRecorder;
import org.wedops.health.checking.CheckSubject;
import org.wedops.health.checking.Measurements;
import org.wedops.health.classification.ContainerClassifier;
import org.wedops.health.classification.ContainerObservation;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.classification.RestartCounter;
import org.wedops.health.restart.RestartDecisions;
import org.wedops.health.restart.Restarter;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Watches the containers that carry the configured labels: every interval each is inspected (bounded concurrency,
 * on the bounded-elastic scheduler since docker-java blocks), classified under its region's profile and recorded;
 * one that stays CRITICAL is offered to the restart rules. Also restarts containers for them.
 */
public class DockerContainerSource implements Restarter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DockerContainerSource.class);
    private static final Map<String, String> DEFAULT_SELECTOR = Map.of("wedops.watch", "true");

    private final DockerEngine engine;
    private final CheckRecorder recorder;
    private final RestartDecisions restarts;
    private final ProtectionStates protection;
    private final HealthCollectorProperties properties;
    private final DeferredMigration migration;
    private final Clock clock;
    private final RestartCounter restartCounter = new RestartCounter();
    private final Map<String, Instant> lastRestartDecision = new ConcurrentHashMap<>();
    private volatile Disposable loop;

    public DockerContainerSource(DockerEngine engine, CheckRecorder recorder, RestartDecisions restarts, ProtectionStates protection,
                                 HealthCollectorProperties properties, DeferredMigration migration, Clock clock) {
        this.engine = engine;
        this.recorder = recorder;
        this.restarts = restarts;
        this.protection = protection;
        this.properties = properties;
        this.migration = migration;
        this.clock = clock;
    }

    @Override
    public HealthSource source() {
        return HealthSource.DOCKER;
    }

    @Override
    public Mono<Void> restart(String containerName) {
        return Mono.<Void>fromRunnable(() -> engine.client().restartContainerCmd(containerName).withTimeout(10).exec())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startOnceMigrated() {
        migration.whenMigrated(() -> loop = Flux.interval(Duration.ZERO, properties.docker().interval())
                .onBackpressureDrop()
                .concatMap(tick -> checkAll().onErrorResume(e -> {
                    log.warn("Docker check failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    /** One round over every watched container. */
    public Mono<Void> checkAll() {
        Map<String, String> selector = properties.docker().labels() == null || properties.docker().labels().isEmpty()
                ? DEFAULT_SELECTOR : properties.docker().labels();
        return Mono.fromCallable(() -> engine.client().listContainersCmd().withShowAll(true).withLabelFilter(selector).exec())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .flatMap(container -> check(container.getId()).onErrorResume(e -> {
                    log.warn("Check of container {} failed: {}", container.getId(), e.toString());
                    return Mono.empty();
                }), properties.docker().concurrency())
                .then();
    }

    private Mono<Void> check(String containerId) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> ContainerInspection.inspect(engine.client(), containerId, "default", now))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(seen -> {
                    ThresholdProfile profile = protection.profile(seen.region());
                    HealthThresholds thresholds = properties.thresholds().forProfile(profile);
                    int restartsInWindow = restartCounter.restartsWithin(seen.name(), seen.restartCount(), now, thresholds.restartWindow());
                    ContainerObservation observation = new ContainerObservation(seen.running(), seen.state(), seen.exitCode(), seen.health(),
                            seen.failingStreak(), seen.lastHealthOutput(), true, null, restartsInWindow, null, seen.cpuPercent(), seen.memoryPercent());
                    CheckSubject subject = new CheckSubject(seen.name(), seen.service(), seen.region(), HealthSource.DOCKER);
                    return recorder.record(subject, ContainerClassifier.classify(observation, thresholds), profile,
                                    new Measurements(null, seen.cpuPercent(), seen.memoryPercent(), seen.restartCount(), seen.details()))
                            .flatMap(recorded -> recorded.confirmation().confirmed() == HealthStatus.CRITICAL && dueForDecision(subject.id(), now)
                                    ? restarts.onCritical(subject, seen.autoRestart()).then()
                                    : Mono.empty());
                });
    }

    /** One restart decision per target per cooldown, so a target that stays CRITICAL is not decided on every check. */
    private boolean dueForDecision(String id, Instant now) {
        Instant last = lastRestartDecision.get(id);
        Duration cooldown = properties.docker().interval().multipliedBy(4);
        if (last != null && last.plus(cooldown).isAfter(now)) {
            return false;
        }
        lastRestartDecision.put(id, now);
        return true;
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
