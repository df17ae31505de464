package org.wedops.deploy.targethealth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param healthStaleAfter a target whose latest health check is older than this is reported stale: its collector
 *                         has stopped reporting, so its last status says nothing about a deployment happening now
 */
@ConfigurationProperties("wedops.deploy")
public record TargetHealthProperties(@DefaultValue("2m") Duration healthStaleAfter) {

    public TargetHealthProperties {
        if (healthStaleAfter.isNegative() || healthStaleAfter.isZero()) {
            throw new IllegalArgumentException("wedops.deploy.health-stale-after must be positive, was " + healthStaleAfter);
        }
    }
}
