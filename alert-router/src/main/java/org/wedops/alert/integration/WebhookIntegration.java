package org.wedops.alert.integration;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/** A generic webhook: the notification as JSON, for whatever the receiving end wants to do with it. */
class WebhookIntegration implements Integration {

    private final String name;
    private final WebClient client;
    private final URI url;

    WebhookIntegration(String receiver, WebClient client, URI url) {
        this.name = receiver + "/webhook";
        this.client = client;
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
        return client.post().uri(url).contentType(MediaType.APPLICATION_JSON).bodyValue(notification)
                .retrieve().toBodilessEntity().then();
    }
}
