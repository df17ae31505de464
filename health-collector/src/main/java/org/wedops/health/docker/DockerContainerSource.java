package org.wedops.health.docker;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.model.Container;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.wedops.events.HealthSource;
import org.wedops.health.checking.ContainerChecks;
import org.wedops.health.checking.Measurements;
import org.wedops.health.checking.SourcePolling;
import org.wedops.health.checking.WatchedLabels;
import org.wedops.health.classification.ContainerObservation;
import org.wedops.health.status.CheckSubject;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Watches the containers that carry the configured labels: every interval each is inspected (bounded concurrency,
 * on the bounded-elastic scheduler since docker-java blocks), classified under its region's profile and recorded;
 * one that stays CRITICAL is offered to the restart rules.
 */
@RequiredArgsConstructor
class DockerContainerSource {

    private static final Map<String, String> DEFAULT_SELECTOR = Map.of("wedops.watch", "true");

    private final DockerEngine engine;
    private final ContainerChecks checks;
    private final DockerProperties settings;
    private final SourcePolling polling;
    private final Clock clock;
    private final Map<String, Integer> checksSoFar = new ConcurrentHashMap<>();
    private final Map<String, ContainerInspection.Usage> lastUsage = new ConcurrentHashMap<>();

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        polling.start("Docker", settings.interval(), settings.concurrency(), this::watched,
                Container::getId, container -> WatchedLabels.region(container.getLabels()), container -> check(container.getId()));
    }

    private Flux<Container> watched() {
        Map<String, String> selector = settings.labels() == null || settings.labels().isEmpty()
                ? DEFAULT_SELECTOR : settings.labels();
        return Mono.fromCallable(() -> engine.client().listContainersCmd().withShowAll(true).withLabelFilter(selector).exec())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(containers -> containers);
    }

    private Mono<Void> check(String containerId) {
        Instant now = clock.instant();
        boolean sampleStats = checksSoFar.merge(containerId, 1, Integer::sum) % Math.max(1, settings.statsEvery()) == 1
                || settings.statsEvery() <= 1;
        return Mono.fromCallable(() -> ContainerInspection.inspect(engine, containerId, now, sampleStats,
                        lastUsage.get(containerId)))
                .doOnNext(seen -> {
                    if (seen.usage() != null) {
                        lastUsage.put(containerId, seen.usage());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(seen -> checks.check(new CheckSubject(seen.name(), seen.service(), seen.region(), HealthSource.DOCKER),
                        seen.restartCount(),
                        restartsInWindow -> new ContainerObservation(seen.running(), seen.state(), seen.exitCode(), seen.health(),
                                seen.failingStreak(), seen.lastHealthOutput(), true, null, restartsInWindow, null, seen.cpuPercent(),
                                seen.memoryPercent()),
                        new Measurements(null, seen.cpuPercent(), seen.memoryPercent(), seen.restartCount(), seen.details()),
                        seen.autoRestart(), settings.interval().multipliedBy(4)));
    }
}
