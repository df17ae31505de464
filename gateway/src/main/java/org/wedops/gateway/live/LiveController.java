package org.wedops.gateway.live;

import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;

/**
 * {@code GET /api/live/events}: what changed, as Server-Sent Events, for any VIEWER (the gateway's security rules:
 * a GET under {@code /api} needs VIEWER). The console reads it with {@code fetch} and its bearer header, so the token
 * never appears in a URL.
 */
@RestController
@RequiredArgsConstructor
class LiveController {

    static final String PATH = "/api/live/events";

    private final LiveHub hub;
    private final LiveProperties properties;

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(ServerHttpResponse response) {
        if (!properties.enabled()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "live updates are off on this gateway (wedops.gateway.live.enabled); reload to see changes");
        }
        Flux<LiveEvent> events = hub.open().orElseThrow(() -> {
            ResponseStatusException full = new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the gateway serves " + properties.maxClients() + " live streams already; try again shortly");
            full.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
            return full;
        });
        // tells nginx-style proxies not to hold the stream back
        response.getHeaders().set("X-Accel-Buffering", "no");
        Flux<ServerSentEvent<Object>> data = events
                .map(event -> ServerSentEvent.<Object>builder(event).event(event.kind()).id(event.id()).build())
                .onErrorResume(LiveHub.SlowClientException.class, slow -> Flux.just(
                        ServerSentEvent.<Object>builder(slow.getMessage()).event("dropped").build()));
        Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(Duration.ZERO, properties.heartbeat())
                .map(tick -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
        // the feed never completes; a dropped client's stream ends after it has been told, heartbeat and all
        return Flux.merge(data, heartbeat).takeUntil(event -> "dropped".equals(event.event()));
    }
}
