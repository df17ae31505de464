package org.wedops.alert.routing;

import java.net.URI;
import java.util.List;

/**
 * A named receiver: the integrations one notification goes to. Each integration left out is not used; an
 * integration without its own address uses the service-wide default (e.g. {@code wedops.alert.slack.webhook-url}).
 * Webhook URLs and routing keys are {@link SecretUrl} and {@link SecretText}: serialised (e.g. by
 * {@code GET /api/alerts/routes}) they show the integration and host only.
 */
public record ReceiverSpec(String name, Slack slack, Email email, PagerDuty pagerduty, Webhook webhook) {

    public record Slack(SecretUrl url) {
    }

    public record Email(List<String> to) {
    }

    public record PagerDuty(SecretText routingKey, URI url) {
    }

    public record Webhook(SecretUrl url) {
    }
}
