package org.wedops.health.checking;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How checks are run and confirmed.
 *
 * @param tick          how often due HTTP targets are looked for
 * @param concurrency   most HTTP probes in flight at once; a slow target only holds its own slot
 * @param confirmations consecutive results that must agree before a target's status changes (anti-flapping)
 */
@Validated
@ConfigurationProperties("wedops.health")
public record CheckingProperties(
        @NotNull @DefaultValue("250ms") Duration tick,
        @Min(1) @DefaultValue("64") int concurrency,
        @Min(1) @DefaultValue("2") int confirmations) {
}
