package org.wedops.alert.integration;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wedops.alert.routing.SecretText;
import org.wedops.alert.routing.SecretUrl;

/**
 * The service-wide defaults of the integrations, and how every integration call is guarded.
 *
 * @param slack     the default Slack incoming webhook
 * @param pagerduty the default PagerDuty Events API v2 endpoint and routing key
 * @param email     the sender of notification e-mails (the SMTP server is {@code spring.mail.*})
 * @param guard     timeout, retries and circuit breaker of every integration call
 */
@Validated
@ConfigurationProperties("wedops.alert")
public record IntegrationProperties(
        @Valid @DefaultValue Slack slack,
        @Valid @DefaultValue PagerDuty pagerduty,
        @Valid @DefaultValue Mail email,
        @Valid @DefaultValue Guard guard) {

    /** @param webhookUrl incoming-webhook URL used by receivers without their own (a secret: shown by host only); none disables Slack */
    public record Slack(SecretUrl webhookUrl) {
    }

    /**
     * @param url        Events API v2 endpoint
     * @param routingKey integration key used by receivers without their own (a secret: never shown); none disables PagerDuty
     */
    public record PagerDuty(@NotNull @DefaultValue("https://events.pagerduty.com/v2/enqueue") URI url, SecretText routingKey) {
    }

    /** @param from sender address; e-mail is sent only when {@code spring.mail.host} is set */
    public record Mail(@NotBlank @Email @DefaultValue("wedops-alerts@wedops.local") String from) {
    }

    /**
     * @param timeout      longest wait for one call
     * @param retries      quick retries of a failed call (with exponential backoff and jitter) before the attempt fails
     * @param retryWait    first pause between those retries
     * @param failureRate  percentage of failed calls that opens an integration's circuit breaker
     * @param minimumCalls calls needed before the failure rate counts
     * @param openFor      how long an open breaker refuses calls (the route's fallback carries them meanwhile)
     */
    public record Guard(
            @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration timeout,
            @Min(0) @DefaultValue("2") int retries,
            @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration retryWait,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @DefaultValue("50") float failureRate,
            @Min(1) @DefaultValue("4") int minimumCalls,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration openFor) {
    }
}
