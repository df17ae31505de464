package org.wedops.health.history;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param retention how long check history is kept */
@Validated
@ConfigurationProperties("wedops.health")
public record HistoryProperties(@NotNull @DefaultValue("30d") Duration retention) {
}
