package org.wedops.health.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import org.wedops.health.checking.WatchedLabels;

/** Reads what a check needs from a pod (and its metrics, when the metrics API answered). */
final class PodObservations {

    record Seen(String id, String namespace, String name, String service, String region, boolean autoRestart, String phase,
                boolean ready, String notReady, int restartCount, String terminationReason, Integer exitCode,
                Double cpuPercent, Double memoryPercent, Map<String, String> details) {
    }

    private PodObservations() {
    }

    /** A pod's id is namespace.name: unique, and safe in a URL path. */
    static String id(String namespace, String name) {
        return namespace + "." + name;
    }

    static Seen of(Pod pod, PodMetrics metrics) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        List<String> notReady = statuses.stream().filter(s -> !Boolean.TRUE.equals(s.getReady())).map(ContainerStatus::getName).toList();
        String reason = null;
        Integer exitCode = null;
        for (ContainerStatus status : statuses) {
            if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
                reason = status.getLastState().getTerminated().getReason();
                exitCode = status.getLastState().getTerminated().getExitCode();
            }
        }
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("namespace", namespace);
        details.put("phase", phase);
        if (pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
            details.put("node", pod.getSpec().getNodeName());
        }
        if (reason != null) {
            details.put("lastTermination", reason);
        }
        return new Seen(id(namespace, name), namespace, name, WatchedLabels.service(labels, labels.getOrDefault("app", name)),
                WatchedLabels.region(labels), WatchedLabels.autoRestart(labels), phase,
                !statuses.isEmpty() && notReady.isEmpty(), String.join(",", notReady), restarts, reason, exitCode,
                cpuPercent(pod, metrics), memoryPercent(pod, metrics), details);
    }

    /** CPU use against the pod's CPU limits; null without metrics or limits. */
    private static Double cpuPercent(Pod pod, PodMetrics metrics) {
        return percent(pod, metrics, "cpu");
    }

    private static Double memoryPercent(Pod pod, PodMetrics metrics) {
        return percent(pod, metrics, "memory");
    }

    private static Double percent(Pod pod, PodMetrics metrics, String resource) {
        if (metrics == null || metrics.getContainers() == null || pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return null;
        }
        double used = metrics.getContainers().stream().map(c -> c.getUsage() == null ? null : c.getUsage().get(resource))
                .filter(q -> q != null).mapToDouble(q -> Quantity.getAmountInBytes(q).doubleValue()).sum();
        double limit = pod.getSpec().getContainers().stream()
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get(resource))
                .filter(q -> q != null).mapToDouble(q -> Quantity.getAmountInBytes(q).doubleValue()).sum();
        return limit > 0 ? used * 100.0 / limit : null;
    }
}
