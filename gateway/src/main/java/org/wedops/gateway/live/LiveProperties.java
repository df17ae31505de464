package org.wedops.gateway.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's live feed: Server-Sent Events at {@code GET /api/live/events}, fed from the Kafka topics the
 * console shows. The broker and its client settings are Spring Boot's {@code spring.kafka.*}.
 *
 * @param enabled      whether the gateway reads Kafka at all; off, the endpoint answers 503 and the console
 *                     refreshes on demand only
 * @param maxClients   open streams at most, over every user; one more is refused with 503 and {@code Retry-After}
 * @param clientBuffer events held for one client that does not keep up; past that the client is dropped (it
 *                     reconnects and reloads), so a slow phone never holds memory or slows anyone else
 * @param heartbeat    a comment line this often on an idle stream, so proxies keep it and clients notice a dead one
 */
@ConfigurationProperties("wedops.gateway.live")
public record LiveProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("200") int maxClients,
        @DefaultValue("256") int clientBuffer,
        @DefaultValue("15s") Duration heartbeat) {

    public LiveProperties {
        if (maxClients < 1 || maxClients > 10_000) {
            throw new IllegalArgumentException("wedops.gateway.live.max-clients must be between 1 and 10000, got " + maxClients);
        }
        if (clientBuffer < 16 || clientBuffer > 100_000) {
            throw new IllegalArgumentException("wedops.gateway.live.client-buffer must be between 16 and 100000, got " + clientBuffer);
        }
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0 || heartbeat.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("wedops.gateway.live.heartbeat must be between 1s and 5m, got " + heartbeat);
        }
    }
}
