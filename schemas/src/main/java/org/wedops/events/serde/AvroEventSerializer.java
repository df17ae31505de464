package org.wedops.events.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes WedOps events in Avro single-object encoding and stamps the CloudEvents binary-mode headers.
 * The {@code ce_source} comes from the producer property {@value #SOURCE_CONFIG}.
 *
 * <p>The body goes through a buffered encoder: Avro's own {@code BinaryMessageEncoder} writes each value
 * straight to a synchronized stream, a lock per field of every event.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord> {

    /** Producer property naming this producer in {@code ce_source}, e.g. {@code wedops/health-collector}. */
    public static final String SOURCE_CONFIG = "wedops.cloudevents.source";

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Map<Schema, SchemaWriter> writers = new ConcurrentHashMap<>();
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
        SchemaWriter writer = writers.computeIfAbsent(data.getSchema(), SchemaWriter::of);
        Scratch scratch = SCRATCH.get();
        try {
            scratch.bytes.reset();
            scratch.bytes.write(writer.header());
            scratch.encoder = EncoderFactory.get().binaryEncoder(scratch.bytes, scratch.encoder);
            writer.body().write(data, scratch.encoder);
            scratch.encoder.flush();
            return scratch.bytes.toByteArray();
        } catch (IOException e) {
            scratch.encoder = null;
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the encoder may hold part of this event: the next one starts with a fresh one
            scratch.encoder = null;
            // a required field left null surfaces here; name the event so the producer's log says which
            throw new SerializationException("cannot encode " + data.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
    }

    /** How events of one schema are written: the single-object header, then the body. */
    private record SchemaWriter(byte[] header, DatumWriter<SpecificRecord> body) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        static SchemaWriter of(Schema schema) {
            DatumWriter body = ApmSampleBatchWriter.writes(schema) ? new ApmSampleBatchWriter() : new SpecificDatumWriter<>(schema, SpecificData.get());
            return new SchemaWriter(SingleObjectHeader.of(schema), body);
        }
    }

    /** A thread's buffer and encoder, kept between events as Avro's message encoders keep theirs. */
    private static final class Scratch {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder;
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
