package org.wedops.health.classification;

import java.time.Duration;

import org.wedops.events.ThresholdProfile;

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
public record HealthThresholds(Duration slowResponse, double intervalFactor, double memoryPercent, double cpuPercent,
                               int restartsInWindow, Duration restartWindow) {

    static final HealthThresholds STANDARD = new HealthThresholds(Duration.ofMillis(1000), 1.0, 90, 90, 3, Duration.ofMinutes(10));
    static final HealthThresholds PEAK_SEASON = new HealthThresholds(Duration.ofMillis(800), 1.0, 85, 85, 3, Duration.ofMinutes(10));
    static final HealthThresholds WEDDING_DAY = new HealthThresholds(Duration.ofMillis(500), 0.5, 80, 80, 2, Duration.ofMinutes(10));

    /** The three profiles; any left out of the configuration keeps its default. */
    public record Profiles(HealthThresholds standard, HealthThresholds peakSeason, HealthThresholds weddingDay) {

        public HealthThresholds forProfile(ThresholdProfile profile) {
            return switch (profile) {
                case WEDDING_DAY -> weddingDay != null ? weddingDay : WEDDING_DAY;
                case PEAK_SEASON -> peakSeason != null ? peakSeason : PEAK_SEASON;
                case STANDARD -> standard != null ? standard : STANDARD;
            };
        }
    }
}
