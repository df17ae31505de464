package org.wedops.health.classification;

import java.time.Duration;

import org.wedops.events.ThresholdProfile;

/**
 * Thresholds of one profile.
 *
 * @param slowResponse   a response slower than this makes the target DEGRADED
 * @param intervalFactor check interval multiplier (below 1 checks more often, e.g. on wedding days)
 */
public record HealthThresholds(Duration slowResponse, double intervalFactor) {

    static final HealthThresholds STANDARD = new HealthThresholds(Duration.ofMillis(1000), 1.0);
    static final HealthThresholds PEAK_SEASON = new HealthThresholds(Duration.ofMillis(800), 1.0);
    static final HealthThresholds WEDDING_DAY = new HealthThresholds(Duration.ofMillis(500), 0.5);

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
