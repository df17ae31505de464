package org.wedops.events.serde;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers,
 * the data is the record value and {@code content-type} says how it is encoded.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Avro single-object encoding (2-byte marker, 8-byte schema fingerprint, body). */
    public static final String AVRO_BINARY = "application/avro";
    /** Avro's JSON encoding; accepted on ingress topics only. */
    public static final String AVRO_JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Replaces every CloudEvents attribute on the headers, so a re-sent record never carries two. */
    public static void write(Headers headers, String id, String source, String type, Instant time, String contentType) {
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, TIME, time.toString());
        put(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        put(headers, CONTENT_TYPE, contentType);
    }

    public static Optional<String> read(Headers headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
