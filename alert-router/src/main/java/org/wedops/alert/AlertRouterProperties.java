package org.wedops.alert;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the alert-router.
 *
 * @param routing    where the routing YAML lives
 * @param slack      the default Slack incoming webhook
 * @param pagerduty  the default PagerDuty Events API v2 endpoint and routing key
 * @param email      the sender of notification e-mails (the SMTP server is {@code spring.mail.*})
 * @param guard      timeout, retries and circuit breaker of every integration call
 * @param dispatch   how the notification outbox is drained
 * @param escalation how often unacknowledged alerts are checked for escalation
 * @param regionZones time zone of each region for time intervals, until the region's ProtectionState says otherwise
 */
@ConfigurationProperties("wedops.alert")
public record AlertRouterProperties(
        @DefaultValue Routing routing,
        @DefaultValue Slack slack,
        @DefaultValue PagerDuty pagerduty,
        @DefaultValue Email email,
        @DefaultValue Guard guard,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Escalation escalation,
        java.util.Map<String, java.time.ZoneId> regionZones) {

    /** The zone a region's local times are read in: the planner's word first, then configuration, then UTC. */
    public java.time.ZoneId zoneOf(String region, java.util.Optional<String> published) {
        if (published.isPresent()) {
            return java.time.ZoneId.of(published.get());
        }
        return regionZones != null && region != null && regionZones.containsKey(region) ? regionZones.get(region) : java.time.ZoneOffset.UTC;
    }

    /** @param file the routing YAML; reloaded when it changes */
    public record Routing(@DefaultValue("classpath:alert-routing.yml") Resource file) {
    }

    /** @param webhookUrl incoming-webhook URL used by receivers without their own (a secret: shown by host only); none disables Slack */
    public record Slack(org.wedops.alert.routing.SecretUrl webhookUrl) {
    }

    /**
     * @param url        Events API v2 endpoint
     * @param routingKey integration key used by receivers without their own (a secret: never shown); none disables PagerDuty
     */
    public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") URI url, org.wedops.alert.routing.SecretText routingKey) {
    }

    /** @param from sender address; e-mail is sent only when {@code spring.mail.host} is set */
    public record Email(@DefaultValue("wedops-alerts@wedops.local") String from) {
    }

    /**
     * @param timeout          longest wait for one call
     * @param retries          quick retries of a failed call (with exponential backoff and jitter) before the attempt fails
     * @param retryWait        first pause between those retries
     * @param failureRate      percentage of failed calls that opens an integration's circuit breaker
     * @param minimumCalls     calls needed before the failure rate counts
     * @param openFor          how long an open breaker refuses calls (the route's fallback carries them meanwhile)
     */
    public record Guard(
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("2") int retries,
            @DefaultValue("200ms") Duration retryWait,
            @DefaultValue("50") float failureRate,
            @DefaultValue("4") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param interval     how often the outbox and the groups are polled when nothing wakes them earlier
     * @param batchSize    most rows claimed at once
     * @param maxAttempts  attempts before a notification is marked FAILED
     * @param claimTimeout how long a claimed row is reserved for one instance; after it another may take it
     * @param firstRetry   pause before the second attempt; doubles up to {@code maxRetry}
     * @param maxRetry     longest pause between attempts
     * @param flushConcurrency groups flushed side by side, each in its own transaction
     */
    public record Dispatch(
            @DefaultValue("500ms") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration claimTimeout,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("5m") Duration maxRetry,
            @DefaultValue("4") int flushConcurrency) {
    }

    /** @param interval how often due escalations are looked for */
    public record Escalation(@DefaultValue("1s") Duration interval) {
    }
}
