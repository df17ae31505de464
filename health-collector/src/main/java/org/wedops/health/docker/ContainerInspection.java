package org.wedops.health.docker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.InvocationBuilder;

import org.wedops.health.checking.WatchedLabels;

/**
 * Everything one check needs from the engine about one container: inspect (state, health, failing streak, last
 * health output, restart count, start and finish times, ports) and, while it runs, one stats sample (CPU % and
 * memory %). Blocking: callers run it on the bounded-elastic scheduler.
 */
final class ContainerInspection {

    record Inspected(String id, String name, String service, String region, boolean autoRestart, boolean running, String state,
                     Integer exitCode, String health, int failingStreak, String lastHealthOutput, int restartCount,
                     Double cpuPercent, Double memoryPercent, Map<String, String> details, Usage usage) {
    }

    private ContainerInspection() {
    }

    /**
     * The last CPU and memory reading of a container, reused between readings; {@code cpuTotal}/{@code systemTotal} are
     * the engine's cumulative counters, against which the next one-shot reading computes CPU %.
     */
    record Usage(Double cpuPercent, Double memoryPercent, Long cpuTotal, Long systemTotal) {
    }

    static Inspected inspect(DockerEngine engine, String containerId, Instant now, boolean sampleStats,
                             Usage lastUsage) throws IOException {
        DockerClient client = engine.client();
        InspectContainerResponse container = client.inspectContainerCmd(containerId).exec();
        InspectContainerResponse.ContainerState state = container.getState();
        Map<String, String> labels = container.getConfig().getLabels();
        String name = container.getName().startsWith("/") ? container.getName().substring(1) : container.getName();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        int failingStreak = state.getHealth() == null || state.getHealth().getFailingStreak() == null ? 0 : state.getHealth().getFailingStreak();
        String lastOutput = null;
        if (state.getHealth() != null && state.getHealth().getLog() != null && !state.getHealth().getLog().isEmpty()) {
            List<HealthStateLog> log = state.getHealth().getLog();
            String output = log.get(log.size() - 1).getOutput();
            lastOutput = output == null ? null : output.strip().lines().reduce((a, b) -> b).orElse("");
            if (lastOutput != null && lastOutput.length() > 200) {
                lastOutput = lastOutput.substring(0, 200);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("containerId", container.getId().substring(0, 12));
        details.put("image", String.valueOf(container.getConfig().getImage()));
        putIfPresent(details, "startedAt", state.getStartedAt());
        putIfPresent(details, "finishedAt", state.getFinishedAt());
        if (running && state.getStartedAt() != null) {
            details.put("uptimeSeconds", Long.toString(Duration.between(Instant.parse(state.getStartedAt()), now).toSeconds()));
        }
        if (container.getNetworkSettings() != null && container.getNetworkSettings().getPorts() != null) {
            String ports = container.getNetworkSettings().getPorts().getBindings().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "->" + Arrays.stream(e.getValue()).map(b -> b.getHostIp() + ":" + b.getHostPortSpec()).toList())
                    .reduce((a, b) -> a + "," + b).orElse("");
            if (!ports.isEmpty()) {
                details.put("ports", ports);
            }
        }
        Usage usage = lastUsage;
        if (running && (sampleStats || lastUsage == null)) {
            usage = lastUsage == null || lastUsage.cpuTotal() == null ? firstReading(client, containerId) : nextReading(engine, containerId, lastUsage);
        }
        Double cpu = usage == null ? null : usage.cpuPercent();
        Double memory = usage == null ? null : usage.memoryPercent();
        return new Inspected(container.getId(), name, WatchedLabels.service(labels, name), WatchedLabels.region(labels),
                WatchedLabels.autoRestart(labels),
                running, state.getStatus(), state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue(), health,
                failingStreak, lastOutput, container.getRestartCount() == null ? 0 : container.getRestartCount(), cpu, memory, details,
                usage);
    }

    /** The first reading waits for the engine's two samples, so a new container has a CPU % from its first check. */
    private static Usage firstReading(DockerClient client, String containerId) {
        Statistics stats = client.statsCmd(containerId).withNoStream(true).exec(new InvocationBuilder.AsyncResultCallback<>()).awaitResult();
        return usage(stats, cpuPercent(stats));
    }

    private static Usage nextReading(DockerEngine engine, String containerId, Usage previous) throws IOException {
        Statistics stats = engine.oneShotStats(containerId);
        Usage current = usage(stats, null);
        Double cpu = cpuPercent(previous.cpuTotal(), previous.systemTotal(), current.cpuTotal(), current.systemTotal(), onlineCpus(stats));
        return new Usage(cpu, current.memoryPercent(), current.cpuTotal(), current.systemTotal());
    }

    private static Usage usage(Statistics stats, Double cpuPercent) {
        boolean counters = stats != null && stats.getCpuStats() != null && stats.getCpuStats().getCpuUsage() != null
                && stats.getCpuStats().getSystemCpuUsage() != null;
        return new Usage(cpuPercent, memoryPercent(stats), counters ? stats.getCpuStats().getCpuUsage().getTotalUsage() : null,
                counters ? stats.getCpuStats().getSystemCpuUsage() : null);
    }

    private static long onlineCpus(Statistics stats) {
        return stats.getCpuStats() != null && stats.getCpuStats().getOnlineCpus() != null ? stats.getCpuStats().getOnlineCpus() : 1;
    }

    /** Docker's own formula: the container's share of the host's CPU time between two samples, times the CPUs. */
    static Double cpuPercent(Statistics stats) {
        if (stats == null || stats.getCpuStats() == null || stats.getPreCpuStats() == null
                || stats.getCpuStats().getCpuUsage() == null || stats.getPreCpuStats().getCpuUsage() == null
                || stats.getCpuStats().getSystemCpuUsage() == null || stats.getPreCpuStats().getSystemCpuUsage() == null) {
            return null;
        }
        return cpuPercent(stats.getPreCpuStats().getCpuUsage().getTotalUsage(), stats.getPreCpuStats().getSystemCpuUsage(),
                stats.getCpuStats().getCpuUsage().getTotalUsage(), stats.getCpuStats().getSystemCpuUsage(), onlineCpus(stats));
    }

    static Double cpuPercent(Long cpuBefore, Long systemBefore, Long cpuNow, Long systemNow, long cpus) {
        if (cpuBefore == null || systemBefore == null || cpuNow == null || systemNow == null) {
            return null;
        }
        long cpuDelta = cpuNow - cpuBefore;
        long systemDelta = systemNow - systemBefore;
        return systemDelta > 0 && cpuDelta >= 0 ? (double) cpuDelta / systemDelta * cpus * 100.0 : 0.0;
    }

    static Double memoryPercent(Statistics stats) {
        if (stats == null || stats.getMemoryStats() == null || stats.getMemoryStats().getUsage() == null
                || stats.getMemoryStats().getLimit() == null || stats.getMemoryStats().getLimit() == 0) {
            return null;
        }
        return stats.getMemoryStats().getUsage() * 100.0 / stats.getMemoryStats().getLimit();
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (value != null && !value.startsWith("0001-01-01")) {
            details.put(key, value);
        }
    }
}
