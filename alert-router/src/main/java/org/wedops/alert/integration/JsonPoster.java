package org.wedops.alert.integration;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.wedops.alert.routing.SecretUrl;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * POSTs a JSON body; anything but a 2xx answer is a failed delivery. Slack, PagerDuty and webhooks all speak this.
 * This is the only place a secret URL is revealed, and no error leaves it carrying the URL: the client's own
 * exceptions name the full address (a Slack webhook's path is its token), so each failure is replaced, without its
 * cause, by a {@link DeliveryFailedException} that says the status or the kind of failure and the host only.
 */
@RequiredArgsConstructor
final class JsonPoster {

    private final WebClient client;

    Mono<Void> post(SecretUrl url, Object body) {
        return client.post().uri(url.reveal()).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity().then()
                .onErrorMap(error -> !(error instanceof DeliveryFailedException), error -> DeliveryFailedException.of(error, url));
    }

    /** One body after the other, in order; the first failure ends the delivery. */
    Mono<Void> postEach(SecretUrl url, List<?> bodies) {
        return Flux.fromIterable(bodies).concatMap(body -> post(url, body)).then();
    }
}
