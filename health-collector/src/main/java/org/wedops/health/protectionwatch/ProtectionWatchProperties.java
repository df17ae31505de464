package org.wedops.health.protectionwatch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval how often every region's protection state is checked for staleness; the check reads memory only
 */
@Validated
@ConfigurationProperties("wedops.health.protection-watch")
public record ProtectionWatchProperties(@NotNull @DefaultValue("5s") Duration interval) {
}
