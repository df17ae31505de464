package org.wedops.events.serde;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmSampleTimes;

/**
 * Reads what {@link ApmSampleBatchWriter} writes, field by field, into the objects Avro's specific reader builds. The
 * windows' stream threads read every sample through here; Avro's reader resolved each of a sample's 13 unions and
 * converted each timestamp through a lookup, and it was a third of a stream thread's time in bench/apm-ingest.
 *
 * <p>Only when the writer's schema and the current one are both the schema the writer was written for: a record of
 * an older or newer version goes through Avro's resolving reader. {@code ApmSampleBatchReaderTest} holds it to the
 * specific reader's result. Stateless, as one deserializer serves every stream thread.
 */
final class ApmSampleBatchReader implements DatumReader<ApmSampleBatch> {

    /** Every field of every sample. */
    static final ApmSampleBatchReader WHOLE = new ApmSampleBatchReader(false);
    /**
     * Only what a window is built from: kind, series labels, timestamp, duration and success. The other fields are
     * skipped unread and left null, so such a sample is for counting, never for writing again. On the windows' stream
     * threads, decoding the event id, the attribute map and the optional details was about half of reading a sample.
     */
    static final ApmSampleBatchReader WINDOW_FIELDS = new ApmSampleBatchReader(true);

    private static final ApmSampleKind[] KINDS = ApmSampleKind.values();

    private final boolean windowFieldsOnly;

    private ApmSampleBatchReader(boolean windowFieldsOnly) {
        this.windowFieldsOnly = windowFieldsOnly;
    }

    static boolean reads(Schema writer, Schema reader) {
        return ApmSampleBatchWriter.writes(writer) && ApmSampleBatchWriter.writes(reader);
    }

    @Override
    public void setSchema(Schema schema) {
        // one schema only, checked by reads(Schema, Schema)
    }

    @Override
    public ApmSampleBatch read(ApmSampleBatch reuse, Decoder in) throws IOException {
        ApmSampleBatch batch = new ApmSampleBatch();
        batch.setEventId(in.readString());
        batch.setOccurredAt(Instant.ofEpochMilli(in.readLong()));
        List<ApmSample> samples = new ArrayList<>();
        for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                samples.add(sample(in));
            }
        }
        batch.setSamples(samples);
        return batch;
    }

    private ApmSample sample(Decoder in) throws IOException {
        ApmSample sample = new ApmSample();
        if (windowFieldsOnly) {
            in.skipString();
            in.readLong();
        } else {
            sample.setEventId(in.readString());
            ApmSampleTimes.setOccurredAt(sample, Instant.ofEpochMilli(in.readLong()));
        }
        sample.setKind(kind(in.readEnum()));
        sample.setService(in.readString());
        sample.setOperation(in.readString());
        sample.setProvider(optionalString(in));
        sample.setRegion(in.readString());
        sample.setEnvironment(in.readString());
        ApmSampleTimes.setTimestamp(sample, Instant.ofEpochMilli(in.readLong()));
        sample.setDurationMs(in.readDouble());
        sample.setSuccess(in.readBoolean());
        if (windowFieldsOnly) {
            skipDetails(in);
        } else {
            readDetails(in, sample);
        }
        return sample;
    }

    /** The fields after {@code success}, in the schema's order. */
    private static void readDetails(Decoder in, ApmSample sample) throws IOException {
        sample.setErrorType(optionalString(in));
        sample.setStatusCode(optionalInt(in));
        sample.setChainId(optionalString(in));
        sample.setStep(optionalString(in));
        sample.setRoute(optionalString(in));
        sample.setConnectionCount(optionalInt(in));
        sample.setDisconnects(optionalInt(in));
        sample.setModel(optionalString(in));
        sample.setTimedOut(present(in) ? in.readBoolean() : null);
        sample.setTokensIn(optionalLong(in));
        sample.setTokensOut(optionalLong(in));
        sample.setCostUsd(present(in) ? in.readDouble() : null);
        Map<String, String> attributes = new HashMap<>();
        for (long block = in.readMapStart(); block != 0; block = in.mapNext()) {
            for (long i = 0; i < block; i++) {
                attributes.put(in.readString(), in.readString());
            }
        }
        sample.setAttributes(attributes);
    }

    /** The same fields as {@link #readDetails}, passed over. */
    private static void skipDetails(Decoder in) throws IOException {
        skipOptionalString(in); // errorType
        optionalInt(in); // statusCode
        skipOptionalString(in); // chainId
        skipOptionalString(in); // step
        skipOptionalString(in); // route
        optionalInt(in); // connectionCount
        optionalInt(in); // disconnects
        skipOptionalString(in); // model
        if (present(in)) {
            in.readBoolean(); // timedOut
        }
        optionalLong(in); // tokensIn
        optionalLong(in); // tokensOut
        if (present(in)) {
            in.readDouble(); // costUsd
        }
        for (long block = in.skipMap(); block != 0; block = in.skipMap()) {
            for (long i = 0; i < block; i++) {
                in.skipString();
                in.skipString();
            }
        }
    }

    private static ApmSampleKind kind(int index) {
        if (index < 0 || index >= KINDS.length) {
            throw new AvroRuntimeException("ApmSampleKind has no symbol " + index);
        }
        return KINDS[index];
    }

    // A nullable field is the union [null, T]: branch 0 for null, else branch 1 and the value.

    private static String optionalString(Decoder in) throws IOException {
        return present(in) ? in.readString() : null;
    }

    private static void skipOptionalString(Decoder in) throws IOException {
        if (present(in)) {
            in.skipString();
        }
    }

    private static Integer optionalInt(Decoder in) throws IOException {
        return present(in) ? in.readInt() : null;
    }

    private static Long optionalLong(Decoder in) throws IOException {
        return present(in) ? in.readLong() : null;
    }

    private static boolean present(Decoder in) throws IOException {
        int branch = in.readIndex();
        if (branch > 1 || branch < 0) {
            throw new AvroRuntimeException("a nullable field has no union branch " + branch);
        }
        return branch == 1;
    }
}
