package org.wedops.alert.routing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the routing comes from.
 *
 * @param file        the routing YAML; reloaded when it changes
 * @param reloadCheck how often the file is read to see whether it changed
 */
@Validated
@ConfigurationProperties("wedops.alert.routing")
public record RoutingProperties(
        @NotNull @DefaultValue("classpath:alert-routing.yml") Resource file,
        @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration reloadCheck) {
}
