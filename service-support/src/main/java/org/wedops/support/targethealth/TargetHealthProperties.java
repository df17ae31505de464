package org.wedops.support.targethealth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this service keeps the latest check per target from ops.health.v1 ({@link LatestTargetHealth}) in its
 * {@code target_health} table: on in the services that decide on target health (orchestrator, planner).
 *
 * @param enabled a boolean as Spring reads one ({@code true}, {@code false}, {@code on}, {@code yes}…); anything else stops the service naming
 *                {@code wedops.target-health.enabled}
 */
@ConfigurationProperties(TargetHealthProperties.PREFIX)
public record TargetHealthProperties(@DefaultValue("false") boolean enabled) {

    static final String PREFIX = "wedops.target-health";
}
