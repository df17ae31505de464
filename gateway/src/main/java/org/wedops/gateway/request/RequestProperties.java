package org.wedops.gateway.request;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from a client before a service sees it.
 *
 * @param maxBodySize       largest request body on API routes; larger gets 413
 * @param maxIngestBodySize largest body on ingest endpoints (sample batches)
 * @param cors              cross-origin access; off (no origin allowed) unless origins are listed
 */
@ConfigurationProperties("wedops.gateway.requests")
public record RequestProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("5MB") DataSize maxIngestBodySize,
        @DefaultValue Cors cors) {

    public RequestProperties {
        positive("max-body-size", maxBodySize);
        positive("max-ingest-body-size", maxIngestBodySize);
    }

    private static void positive(String name, DataSize size) {
        if (size.toBytes() <= 0) {
            throw new IllegalArgumentException("wedops.gateway.requests." + name + " must be positive, got " + size);
        }
    }

    /**
     * @param allowedOrigins origins a browser may call the API from, e.g. {@code https://ops.example.com}; empty
     *                       (the default) means no cross-origin access at all
     * @param allowedMethods methods allowed cross-origin
     * @param allowedHeaders request headers allowed cross-origin
     * @param maxAge         how long a browser may cache a preflight answer
     */
    public record Cors(
            @DefaultValue List<String> allowedOrigins,
            @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
            @DefaultValue({"Authorization", "Content-Type", RequestId.HEADER}) List<String> allowedHeaders,
            @DefaultValue("30m") Duration maxAge) {

        public boolean enabled() {
            return !allowedOrigins.isEmpty();
        }
    }
}
