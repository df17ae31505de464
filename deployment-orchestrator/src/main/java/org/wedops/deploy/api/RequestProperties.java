package org.wedops.deploy.api;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a deployment request may ask for.
 *
 * @param emergencyOverrideValidFor how long an emergency override lets its deployment start inside a freeze
 * @param environments              per-environment rules (promotion)
 */
@ConfigurationProperties("wedops.deploy")
public record RequestProperties(@DefaultValue("1h") Duration emergencyOverrideValidFor, Map<String, EnvironmentSettings> environments) {

    public RequestProperties {
        if (emergencyOverrideValidFor.isNegative() || emergencyOverrideValidFor.isZero()) {
            throw new IllegalArgumentException("wedops.deploy.emergency-override-valid-for must be positive, was " + emergencyOverrideValidFor);
        }
        environments = environments == null ? Map.of() : Map.copyOf(environments);
    }

    /** @param requiresSuccessIn a version reaches this environment only after it SUCCEEDED there (e.g. prod after staging) */
    public record EnvironmentSettings(String requiresSuccessIn) {
    }
}
