package org.wedops.events.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;

/**
 * Writes an {@link ApmSampleBatch} field by field in schema order, the bytes Avro's generic writer writes. Every sample
 * apm-ingest accepts passes through here. Avro generates its faster custom coders only for records without logical
 * types, and a sample's timestamps are {@code timestamp-millis}. The generic writer it falls back to resolves a union
 * for each of a sample's 13 nullable fields and looks up a conversion for each field, and it was a quarter of the
 * pipeline's CPU in bench/apm-ingest.
 *
 * <p>It writes the schema it was written for, and nothing else: {@link #writes(Schema)} checks its fingerprint, and a
 * changed schema goes back to the generic writer. {@code ApmSampleBatchWriterTest} holds it to the generic writer's
 * bytes and fails until this class follows a changed schema.
 */
final class ApmSampleBatchWriter implements DatumWriter<ApmSampleBatch> {

    /** Parsing fingerprint of the {@code ApmSampleBatch} schema (with its {@code ApmSample} and kinds) written here. */
    static final long WRITTEN_FOR = 0x9656eba6bf850562L;

    static boolean writes(Schema schema) {
        return SchemaCatalog.fingerprint(schema) == WRITTEN_FOR;
    }

    @Override
    public void setSchema(Schema schema) {
        // one schema only, checked by writes(Schema)
    }

    @Override
    public void write(ApmSampleBatch batch, Encoder out) throws IOException {
        string(required(batch.getEventId(), "ApmSampleBatch.eventId"), out);
        out.writeLong(millis(batch.getOccurredAt(), "ApmSampleBatch.occurredAt"));
        List<ApmSample> samples = required(batch.getSamples(), "ApmSampleBatch.samples");
        out.writeArrayStart();
        out.setItemCount(samples.size());
        for (ApmSample sample : samples) {
            out.startItem();
            write(required(sample, "ApmSampleBatch.samples[]"), out);
        }
        out.writeArrayEnd();
    }

    private static void write(ApmSample sample, Encoder out) throws IOException {
        string(required(sample.getEventId(), "ApmSample.eventId"), out);
        out.writeLong(millis(sample.getOccurredAt(), "ApmSample.occurredAt"));
        out.writeEnum(required(sample.getKind(), "ApmSample.kind").ordinal());
        string(required(sample.getService(), "ApmSample.service"), out);
        string(required(sample.getOperation(), "ApmSample.operation"), out);
        optional(sample.getProvider(), out);
        string(required(sample.getRegion(), "ApmSample.region"), out);
        string(required(sample.getEnvironment(), "ApmSample.environment"), out);
        out.writeLong(millis(sample.getTimestamp(), "ApmSample.timestamp"));
        out.writeDouble(sample.getDurationMs());
        out.writeBoolean(sample.getSuccess());
        optional(sample.getErrorType(), out);
        optional(sample.getStatusCode(), out);
        optional(sample.getChainId(), out);
        optional(sample.getStep(), out);
        optional(sample.getRoute(), out);
        optional(sample.getConnectionCount(), out);
        optional(sample.getDisconnects(), out);
        optional(sample.getModel(), out);
        if (present(sample.getTimedOut(), out)) {
            out.writeBoolean(sample.getTimedOut());
        }
        optional(sample.getTokensIn(), out);
        optional(sample.getTokensOut(), out);
        if (present(sample.getCostUsd(), out)) {
            out.writeDouble(sample.getCostUsd());
        }
        Map<String, String> attributes = required(sample.getAttributes(), "ApmSample.attributes");
        out.writeMapStart();
        out.setItemCount(attributes.size());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            out.startItem();
            string(attribute.getKey(), out);
            string(required(attribute.getValue(), "ApmSample.attributes value"), out);
        }
        out.writeMapEnd();
    }

    // A nullable field is the union [null, T]: branch 0 for null, else branch 1 and the value.

    private static boolean present(Object value, Encoder out) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        return value != null;
    }

    private static void optional(String value, Encoder out) throws IOException {
        if (present(value, out)) {
            string(value, out);
        }
    }

    /**
     * A string as Avro writes one, its UTF-8 length and bytes. {@code BinaryEncoder.writeString} copies it char by char
     * to check for ASCII first, and that loop was a third of this writer; {@code String.getBytes} is a JDK intrinsic.
     */
    private static void string(String value, Encoder out) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.writeFixed(utf8);
    }

    private static void optional(Integer value, Encoder out) throws IOException {
        if (present(value, out)) {
            out.writeInt(value);
        }
    }

    private static void optional(Long value, Encoder out) throws IOException {
        if (present(value, out)) {
            out.writeLong(value);
        }
    }

    /** timestamp-millis, as Avro's conversion writes an {@link Instant}. */
    private static long millis(Instant instant, String field) {
        return required(instant, field).toEpochMilli();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new NullPointerException("null value for (non-nullable) " + field);
        }
        return value;
    }
}
