package org.wedops.alert.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the work queues are drained: the notification outbox here, and at the same pace the groups due for a flush,
 * the due escalation steps and the silences whose end passed.
 *
 * @param interval         how often the outbox and the groups are polled when nothing wakes them earlier
 * @param batchSize        most rows claimed at once
 * @param maxAttempts      attempts before a notification is marked FAILED
 * @param claimTimeout     how long a claimed row is reserved for one instance; after it another may take it
 * @param firstRetry       pause before the second attempt; doubles up to {@code maxRetry}
 * @param maxRetry         longest pause between attempts
 * @param flushConcurrency groups flushed side by side, each in its own transaction
 */
@Validated
@ConfigurationProperties("wedops.alert.dispatch")
public record DispatchProperties(
        @NotNull @DurationMin(millis = 10) @DefaultValue("500ms") Duration interval,
        @Min(1) @Max(10_000) @DefaultValue("50") int batchSize,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration claimTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration firstRetry,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5m") Duration maxRetry,
        @Min(1) @Max(64) @DefaultValue("4") int flushConcurrency) {
}
