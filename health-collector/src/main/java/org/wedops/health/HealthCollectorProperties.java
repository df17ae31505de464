package org.wedops.health;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.targets.TargetRegistration;

/**
 * Settings of the health-collector.
 *
 * @param tick          how often due targets are looked for
 * @param concurrency   most probes in flight at once; a slow target only holds its own slot
 * @param confirmations consecutive results that must agree before a target's status changes (anti-flapping)
 * @param retention     how long check history is kept
 * @param thresholds    thresholds per profile (STANDARD, PEAK_SEASON, WEDDING_DAY)
 * @param targets       HTTP targets configured at start (the admin API adds more at run time)
 */
@ConfigurationProperties("wedops.health")
public record HealthCollectorProperties(
        @DefaultValue("1s") Duration tick,
        @DefaultValue("64") int concurrency,
        @DefaultValue("2") int confirmations,
        @DefaultValue("30d") Duration retention,
        @DefaultValue HealthThresholds.Profiles thresholds,
        @DefaultValue List<TargetRegistration> targets) {
}
