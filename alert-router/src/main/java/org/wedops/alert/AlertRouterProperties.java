package org.wedops.alert;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert-router.
 *
 * @param slack    the Slack incoming webhook
 * @param dispatch how the notification outbox is drained
 */
@ConfigurationProperties("wedops.alert")
public record AlertRouterProperties(@DefaultValue Slack slack, @DefaultValue Dispatch dispatch) {

    /**
     * @param webhookUrl incoming-webhook URL; none means no Slack notifications are queued
     * @param timeout    longest wait for Slack's answer
     */
    public record Slack(URI webhookUrl, @DefaultValue("5s") Duration timeout) {

        public boolean configured() {
            return webhookUrl != null && !webhookUrl.toString().isBlank();
        }
    }

    /**
     * @param interval     how often the outbox is polled when nothing wakes the dispatcher earlier
     * @param batchSize    most notifications claimed at once
     * @param maxAttempts  attempts before a notification is marked FAILED
     * @param claimTimeout how long a claimed notification is reserved for one dispatcher; after it another may retry
     * @param firstRetry   pause before the second attempt; doubles up to {@code maxRetry}
     * @param maxRetry     longest pause between attempts
     */
    public record Dispatch(
            @DefaultValue("500ms") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration claimTimeout,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("5m") Duration maxRetry) {
    }
}
