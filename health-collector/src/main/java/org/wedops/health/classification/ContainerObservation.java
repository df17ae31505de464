package org.wedops.health.classification;

/**
 * What a Docker container or Kubernetes pod looked like at one check, in the words both share.
 *
 * @param running           the process runs (Docker state running; pod phase Running)
 * @param state             the source's own word for the state (running, exited, Pending, Failed…)
 * @param exitCode          last exit code when not running
 * @param health            Docker HEALTHCHECK status (healthy, unhealthy, starting) or null without one
 * @param failingStreak     consecutive failed health checks
 * @param lastHealthOutput  output of the last health check, trimmed
 * @param ready             pod readiness (always true for Docker)
 * @param notReady          names of the containers that are not ready, for the reason text
 * @param restartsInWindow  restarts counted within the profile's restart window
 * @param terminationReason last termination reason (OOMKilled, Error) when known
 */
public record ContainerObservation(boolean running, String state, Integer exitCode, String health, int failingStreak,
                                   String lastHealthOutput, boolean ready, String notReady, int restartsInWindow,
                                   String terminationReason, Double cpuPercent, Double memoryPercent) {
}
