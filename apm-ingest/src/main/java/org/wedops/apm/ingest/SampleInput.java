package org.wedops.apm.ingest;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One sample of a {@code POST /api/apm/samples} batch as the emitter sent it, before validation; field names as in
 * DESIGN.md's API sketch and {@code ApmSample.avsc}. Everything is nullable here so that a missing field is a
 * rejection of that sample, not of the batch.
 */
public record SampleInput(
        String kind,
        String service,
        String operation,
        String provider,
        String region,
        String environment,
        @JsonDeserialize(using = Rfc3339InstantDeserializer.class) Instant timestamp,
        Double durationMs,
        Boolean success,
        String errorType,
        Integer statusCode,
        String chainId,
        String step,
        String route,
        Integer connectionCount,
        Integer disconnects,
        String model,
        Boolean timedOut,
        Long tokensIn,
        Long tokensOut,
        Double costUsd,
        Map<String, String> attributes) {
}
