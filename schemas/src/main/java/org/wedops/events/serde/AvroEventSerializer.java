package org.wedops.events.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes WedOps events in Avro single-object encoding and stamps the CloudEvents binary-mode headers.
 * The {@code ce_source} comes from the producer property {@value #SOURCE_CONFIG}.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord> {

    /** Producer property naming this producer in {@code ce_source}, e.g. {@code wedops/health-collector}. */
    public static final String SOURCE_CONFIG = "wedops.cloudevents.source";

    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();
    private String source = "wedops";
    /** The last {@code ce_time} written: a batch shares one instant, and formatting one costs more than the rest of a header. */
    private volatile FormattedTime lastTime = new FormattedTime(Instant.EPOCH, Instant.EPOCH.toString());

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return encode(data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord data) {
        if (data == null) {
            return null;
        }
        byte[] bytes = encode(data);
        Schema schema = data.getSchema();
        CloudEventHeaders.write(headers, String.valueOf(field(data, "eventId")), source, schema.getFullName(),
                formatted(occurredAt(data)), CloudEventHeaders.AVRO_BINARY);
        return bytes;
    }

    private byte[] encode(SpecificRecord data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoders
                    .computeIfAbsent(data.getSchema(), schema -> new BinaryMessageEncoder<>(SpecificData.get(), schema))
                    .encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a required field left null surfaces here; name the event so the producer's log says which
            throw new SerializationException("cannot encode " + data.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
    }

    private String formatted(Instant time) {
        FormattedTime last = lastTime;
        if (!last.instant().equals(time)) {
            last = new FormattedTime(time, time.toString());
            lastTime = last;
        }
        return last.text();
    }

    private record FormattedTime(Instant instant, String text) {
    }

    private static Instant occurredAt(SpecificRecord data) {
        Object value = field(data, "occurredAt");
        return value instanceof Instant instant ? instant : Instant.now();
    }

    private static Object field(SpecificRecord data, String name) {
        Schema.Field field = data.getSchema().getField(name);
        return field == null ? null : data.get(field.pos());
    }
}
