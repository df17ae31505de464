package org.wedops.alert.integration;


import org.wedops.alert.routing.SecretUrl;
import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/** A generic webhook: the notification as JSON, for whatever the receiving end wants to do with it. */
class WebhookIntegration implements Integration {

    private final String name;
    private final JsonPoster poster;
    private final SecretUrl url;

    WebhookIntegration(String receiver, JsonPoster poster, SecretUrl url) {
        this.name = receiver + "/webhook";
        this.poster = poster;
        this.url = url;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public Mono<Void> deliver(GroupNotification notification) {
        return poster.post(url, notification);
    }
}
