package org.wedops.health.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;

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
 * Watches the pods of the configured namespaces and labels through fabric8 (blocking, so on the bounded-elastic
 * scheduler): phase, readiness, restarts, last termination reason and, where the metrics API answers, CPU and
 * memory against limits. A pod that stays CRITICAL is offered to the restart rules; restarting deletes it so its
 * controller replaces it.
 */
public class KubernetesPodSource implements Restarter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KubernetesPodSource.class);

    private final KubernetesClient client;
    private final CheckRecorder recorder;
    private final RestartDecisions restarts;
    private final ProtectionStates protection;
    private final HealthCollectorProperties properties;
    private final DeferredMigration migration;
    private final Clock clock;
    private final RestartCounter restartCounter = new RestartCounter();
    private final Map<String, Instant> lastRestartDecision = new ConcurrentHashMap<>();
    private volatile boolean metricsAvailable = true;
    private volatile Disposable loop;

    public KubernetesPodSource(KubernetesClient client, CheckRecorder recorder, RestartDecisions restarts, ProtectionStates protection,
                               HealthCollectorProperties properties, DeferredMigration migration, Clock clock) {
        this.client = client;
        this.recorder = recorder;
        this.restarts = restarts;
        this.protection = protection;
        this.properties = properties;
        this.migration = migration;
        this.clock = clock;
    }

    @Override
    public HealthSource source() {
        return HealthSource.KUBERNETES;
    }

    @Override
    public Mono<Void> restart(String podId) {
        int dot = podId.indexOf('.');
        return Mono.<Void>fromRunnable(() -> client.pods().inNamespace(podId.substring(0, dot)).withName(podId.substring(dot + 1)).delete())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startOnceMigrated() {
        migration.whenMigrated(() -> loop = Flux.interval(Duration.ZERO, properties.kubernetes().interval())
                .onBackpressureDrop()
                .concatMap(tick -> checkAll().onErrorResume(e -> {
                    log.warn("Kubernetes check failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    public Mono<Void> checkAll() {
        return Flux.fromIterable(properties.kubernetes().namespaces())
                .concatMap(namespace -> Mono.fromCallable(() -> {
                            var pods = client.pods().inNamespace(namespace);
                            Map<String, String> labels = properties.kubernetes().labels();
                            return (labels == null || labels.isEmpty() ? pods.list() : pods.withLabels(labels).list()).getItems();
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable))
                .flatMap(pod -> check(pod).onErrorResume(e -> {
                    log.warn("Check of pod {} failed: {}", pod.getMetadata().getName(), e.toString());
                    return Mono.empty();
                }), 8)
                .then();
    }

    private Mono<Void> check(Pod pod) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> PodObservations.of(pod, metrics(pod)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(seen -> {
                    ThresholdProfile profile = protection.profile(seen.region());
                    HealthThresholds thresholds = properties.thresholds().forProfile(profile);
                    int restartsInWindow = restartCounter.restartsWithin(seen.id(), seen.restartCount(), now, thresholds.restartWindow());
                    boolean running = "Running".equals(seen.phase()) || "Succeeded".equals(seen.phase());
                    ContainerObservation observation = new ContainerObservation(running, seen.phase(), running ? null : seen.exitCode(), null, 0,
                            null, seen.ready() || !running, seen.notReady(), restartsInWindow, seen.terminationReason(),
                            seen.cpuPercent(), seen.memoryPercent());
                    CheckSubject subject = new CheckSubject(seen.id(), seen.service(), seen.region(), HealthSource.KUBERNETES);
                    return recorder.record(subject, ContainerClassifier.classify(observation, thresholds), profile,
                                    new Measurements(null, seen.cpuPercent(), seen.memoryPercent(), seen.restartCount(), seen.details()))
                            .flatMap(recorded -> recorded.confirmation().confirmed() == HealthStatus.CRITICAL && dueForDecision(subject.id(), now)
                                    ? restarts.onCritical(subject, seen.autoRestart()).then()
                                    : Mono.empty());
                });
    }

    /** The metrics API is optional in a cluster: after the first failure it is not asked again. */
    private PodMetrics metrics(Pod pod) {
        if (!metricsAvailable) {
            return null;
        }
        try {
            return client.top().pods().metrics(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        } catch (RuntimeException e) {
            metricsAvailable = false;
            log.info("Kubernetes metrics API not available ({}); pods are checked without CPU and memory", e.getMessage());
            return null;
        }
    }

    private boolean dueForDecision(String id, Instant now) {
        Instant last = lastRestartDecision.get(id);
        if (last != null && last.plus(properties.kubernetes().interval().multipliedBy(4)).isAfter(now)) {
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
