package org.wedops.health.restart;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The automatic-restart budget.
 *
 * @param budget       automatic restarts allowed per target within {@code budgetPeriod}
 * @param budgetPeriod the period the budget refills in
 */
@Validated
@ConfigurationProperties("wedops.health.restarts")
public record RestartProperties(@Min(1) @DefaultValue("3") int budget, @NotNull @DefaultValue("1h") Duration budgetPeriod) {
}
