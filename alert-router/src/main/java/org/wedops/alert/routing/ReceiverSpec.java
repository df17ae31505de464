package org.wedops.alert.routing;

import java.net.URI;
import java.util.List;

/**
 * A named receiver: the integrations one notification goes to. Each integration left out is not used; an
 * integration without its own address uses the service-wide default (e.g. {@code wedops.alert.slack.webhook-url}).
 */
public record ReceiverSpec(String name, Slack slack, Email email, PagerDuty pagerduty, Webhook webhook) {

    public record Slack(URI url) {
    }

    public record Email(List<String> to) {
    }

    public record PagerDuty(String routingKey, URI url) {
    }

    public record Webhook(URI url) {
    }
}
