package org.wedops.health.classification;

import java.util.ArrayList;
import java.util.List;

import org.wedops.events.HealthStatus;

/** Pure rules turning a container or pod observation into HEALTHY, DEGRADED, CRITICAL or UNKNOWN with the reasons. */
public final class ContainerClassifier {

    private ContainerClassifier() {
    }

    public static Classification classify(ContainerObservation seen, HealthThresholds thresholds) {
        List<String> critical = new ArrayList<>();
        if (!seen.running()) {
            critical.add("state " + seen.state() + (seen.exitCode() != null ? " (exit code " + seen.exitCode() + ")" : ""));
        }
        if ("unhealthy".equals(seen.health())) {
            critical.add("failing streak " + seen.failingStreak()
                    + (seen.lastHealthOutput() != null && !seen.lastHealthOutput().isBlank() ? ": " + seen.lastHealthOutput() : ""));
        }
        if ("OOMKilled".equals(seen.terminationReason()) && seen.restartsInWindow() > 0) {
            critical.add("last termination OOMKilled");
        }
        if (!critical.isEmpty()) {
            return new Classification(HealthStatus.CRITICAL, List.copyOf(critical));
        }
        List<String> degraded = new ArrayList<>();
        if (!seen.ready()) {
            degraded.add("not ready: " + seen.notReady());
        }
        if (seen.restartsInWindow() >= thresholds.restartsInWindow()) {
            degraded.add("restarted " + seen.restartsInWindow() + " times in " + thresholds.restartWindow().toMinutes() + " min");
        }
        if (seen.memoryPercent() != null && seen.memoryPercent() > thresholds.memoryPercent()) {
            degraded.add("memory " + Math.round(seen.memoryPercent()) + "% > " + Math.round(thresholds.memoryPercent()) + "%");
        }
        if (seen.cpuPercent() != null && seen.cpuPercent() > thresholds.cpuPercent()) {
            degraded.add("cpu " + Math.round(seen.cpuPercent()) + "% > " + Math.round(thresholds.cpuPercent()) + "%");
        }
        if (!degraded.isEmpty()) {
            return new Classification(HealthStatus.DEGRADED, List.copyOf(degraded));
        }
        if ("starting".equals(seen.health())) {
            return new Classification(HealthStatus.UNKNOWN, List.of("health check starting"));
        }
        return new Classification(HealthStatus.HEALTHY, List.of());
    }
}
