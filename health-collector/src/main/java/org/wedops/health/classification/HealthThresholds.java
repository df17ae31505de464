package org.wedops.health.classification;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Thresholds of one profile.
 *
 * @param slowResponse      a response slower than this makes an HTTP target DEGRADED
 * @param intervalFactor    check interval multiplier (below 1 checks more often, e.g. on wedding days)
 * @param memoryPercent     memory use above this makes a container DEGRADED
 * @param cpuPercent        CPU use above this makes a container DEGRADED
 * @param restartsInWindow  this many restarts within {@code restartWindow} make a container DEGRADED
 * @param restartWindow     the window restarts are counted in
 */
public record HealthThresholds(@NotNull Duration slowResponse, @Positive double intervalFactor, @Positive double memoryPercent,
                               @Positive double cpuPercent, @Min(1) int restartsInWindow, @NotNull Duration restartWindow) {

    static final HealthThresholds STANDARD = new HealthThresholds(Duration.ofMillis(1000), 1.0, 90, 90, 3, Duration.ofMinutes(10));
    static final HealthThresholds PEAK_SEASON = new HealthThresholds(Duration.ofMillis(800), 1.0, 85, 85, 3, Duration.ofMinutes(10));
    static final HealthThresholds WEDDING_DAY = new HealthThresholds(Duration.ofMillis(500), 0.5, 80, 80, 2, Duration.ofMinutes(10));
}
