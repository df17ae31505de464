package org.wedops.alert.escalation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param interval how often due escalation steps are looked for */
@Validated
@ConfigurationProperties("wedops.alert.escalation")
public record EscalationProperties(@NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration interval) {
}
