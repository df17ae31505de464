package org.wedops.alert.slack;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.delivery.Receiver;
import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Posts Block Kit messages to a Slack incoming webhook; anything but a 2xx within the timeout is a failed attempt. */
public class SlackWebhookReceiver implements Receiver {

    private final WebClient client;
    private final URI webhookUrl;
    private final Duration timeout;
    private final JsonMapper json;

    public SlackWebhookReceiver(WebClient.Builder builder, URI webhookUrl, Duration timeout, JsonMapper json) {
        this.client = builder.build();
        this.webhookUrl = webhookUrl;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SLACK;
    }

    @Override
    public String render(StoredAlert alert, Notify kind) {
        return json.writeValueAsString(SlackMessage.of(alert, kind));
    }

    @Override
    public Mono<Void> deliver(String payload) {
        return client.post().uri(webhookUrl).contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .retrieve().toBodilessEntity().timeout(timeout).then();
    }
}
