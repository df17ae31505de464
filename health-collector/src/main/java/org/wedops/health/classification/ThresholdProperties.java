package org.wedops.health.classification;

import java.util.Arrays;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.wedops.events.ThresholdProfile;

/**
 * Thresholds per profile; a profile left out of the configuration keeps its default, a profile given must be given
 * whole (a left-out number would otherwise bind as 0 and make every container DEGRADED).
 */
@Validated
@ConfigurationProperties("wedops.health.thresholds")
public record ThresholdProperties(@Valid HealthThresholds standard, @Valid HealthThresholds peakSeason,
                                  @Valid HealthThresholds weddingDay) {

    public HealthThresholds forProfile(ThresholdProfile profile) {
        return switch (profile) {
            case WEDDING_DAY -> weddingDay != null ? weddingDay : HealthThresholds.WEDDING_DAY;
            case PEAK_SEASON -> peakSeason != null ? peakSeason : HealthThresholds.PEAK_SEASON;
            case STANDARD -> standard != null ? standard : HealthThresholds.STANDARD;
        };
    }

    /** The smallest interval factor of any profile: how much faster than its interval a target may come due. */
    public double tightestIntervalFactor() {
        return Arrays.stream(ThresholdProfile.values()).mapToDouble(profile -> forProfile(profile).intervalFactor()).min().orElse(1.0);
    }
}
