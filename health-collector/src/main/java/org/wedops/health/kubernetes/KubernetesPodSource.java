package org.wedops.health.kubernetes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Watches the pods of the configured namespaces and labels through fabric8 (blocking, so on the bounded-elastic
 * scheduler): phase, readiness, restarts, last termination reason and, where the metrics API answers, CPU and
 * memory against limits. A pod that stays CRITICAL is offered to the restart rules.
 */
@RequiredArgsConstructor
class KubernetesPodSource {

    private static final Logger log = LoggerFactory.getLogger(KubernetesPodSource.class);

    private final KubernetesClient client;
    private final ContainerChecks checks;
    private final KubernetesProperties settings;
    private final SourcePolling polling;
    private volatile boolean metricsAvailable = true;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        polling.start("Kubernetes", settings.interval(), 8, this::watched,
                pod -> PodObservations.id(pod.getMetadata().getNamespace(), pod.getMetadata().getName()),
                pod -> WatchedLabels.region(pod.getMetadata().getLabels()),
                this::check);
    }

    private Flux<Pod> watched() {
        return Flux.fromIterable(settings.namespaces())
                .concatMap(namespace -> Mono.fromCallable(() -> {
                            var pods = client.pods().inNamespace(namespace);
                            Map<String, String> labels = settings.labels();
                            return (labels == null || labels.isEmpty() ? pods.list() : pods.withLabels(labels).list()).getItems();
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable));
    }

    private Mono<Void> check(Pod pod) {
        return Mono.fromCallable(() -> PodObservations.of(pod, metrics(pod)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(seen -> {
                    boolean running = "Running".equals(seen.phase()) || "Succeeded".equals(seen.phase());
                    return checks.check(new CheckSubject(seen.id(), seen.service(), seen.region(), HealthSource.KUBERNETES),
                            seen.restartCount(),
                            restartsInWindow -> new ContainerObservation(running, seen.phase(), running ? null : seen.exitCode(), null, 0,
                                    null, seen.ready() || !running, seen.notReady(), restartsInWindow, seen.terminationReason(),
                                    seen.cpuPercent(), seen.memoryPercent()),
                            new Measurements(null, seen.cpuPercent(), seen.memoryPercent(), seen.restartCount(), seen.details()),
                            seen.autoRestart(), settings.interval().multipliedBy(4));
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
}
