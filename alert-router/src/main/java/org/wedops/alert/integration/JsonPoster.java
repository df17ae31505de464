package org.wedops.alert.integration;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/** POSTs a JSON body; anything but a 2xx answer is a failed delivery. Slack, PagerDuty and webhooks all speak this. */
final class JsonPoster {

    private final WebClient client;

    JsonPoster(WebClient client) {
        this.client = client;
    }

    Mono<Void> post(URI url, Object body) {
        return client.post().uri(url).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity().then();
    }
}
