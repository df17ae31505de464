package org.wedops.events.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.wedops.events.Topics;
import org.wedops.events.Topics.TopicSpec;

/**
 * Reads WedOps events. Avro single-object bodies are decoded by resolving the writer's schema through its
 * fingerprint among every version in the {@link SchemaCatalog}, into the current generated class. On ingress
 * topics a {@code content-type: application/json} body is read in Avro's JSON encoding; its type comes from
 * {@code ce_type} or, when the topic carries one type only, from the topic.
 *
 * <p>Anything that cannot be decoded raises {@link SerializationException}; wrap this deserializer in
 * spring-kafka's {@code ErrorHandlingDeserializer} so that such a record goes to the dead-letter topic and
 * the consumer goes on.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private final SchemaCatalog catalog;
    private final ApmSampleBatchReader sampleBatches;
    /** By writer fingerprint: a reader from that writer's schema into the current class. */
    private final Map<Long, DatumReader<SpecificRecord>> readersByWriter = new ConcurrentHashMap<>();

    public AvroEventDeserializer() {
        this(SchemaCatalog.get(), ApmSampleBatchReader.WHOLE);
    }

    AvroEventDeserializer(SchemaCatalog catalog) {
        this(catalog, ApmSampleBatchReader.WHOLE);
    }

    private AvroEventDeserializer(SchemaCatalog catalog, ApmSampleBatchReader sampleBatches) {
        this.catalog = catalog;
        this.sampleBatches = sampleBatches;
    }

    /**
     * For the windows: the samples of an {@code ApmSampleBatch} hold only what a window is built from (kind, series
     * labels, timestamp, duration, success) and null elsewhere. Any other record, and a batch of another schema
     * version, is read whole.
     */
    public static AvroEventDeserializer forSampleWindows() {
        return new AvroEventDeserializer(SchemaCatalog.get(), ApmSampleBatchReader.WINDOW_FIELDS);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null; // tombstone on a compacted topic
        }
        // the single-object marker cannot begin a JSON text, so the headers are only read when it is absent
        if (!SingleObjectHeader.startsWith(data)
                && CloudEventHeaders.read(headers, CloudEventHeaders.CONTENT_TYPE).filter(type -> type.startsWith(CloudEventHeaders.AVRO_JSON)).isPresent()) {
            return fromJson(topic, headers, data);
        }
        return fromSingleObject(topic, data);
    }

    /** Read straight from the array: Avro's {@code BinaryMessageDecoder} reads byte by byte from a synchronized stream. */
    private SpecificRecord fromSingleObject(String topic, byte[] data) {
        if (!SingleObjectHeader.startsWith(data)) {
            throw new SerializationException("record on " + topic + " is not Avro single-object encoded");
        }
        long fingerprint = SingleObjectHeader.fingerprint(data);
        Schema writer = catalog.writerSchema(fingerprint).orElseThrow(() -> new SerializationException(
                "record on " + topic + " was written with unknown schema fingerprint " + Long.toHexString(fingerprint)));
        try {
            BinaryDecoder body = DecoderFactory.get().binaryDecoder(data, SingleObjectHeader.LENGTH, data.length - SingleObjectHeader.LENGTH, null);
            return readersByWriter.computeIfAbsent(fingerprint, any -> readerFrom(writer)).read(null, body);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot decode " + writer.getFullName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<SpecificRecord> readerFrom(Schema writer) {
        Schema reader = catalog.current(writer.getFullName())
                .orElseThrow(() -> new SerializationException("no current type for " + writer.getFullName()));
        if (ApmSampleBatchReader.reads(writer, reader)) {
            return (DatumReader<SpecificRecord>) (DatumReader<?>) sampleBatches;
        }
        return SpecificData.get().createDatumReader(writer, reader);
    }

    private SpecificRecord fromJson(String topic, Headers headers, byte[] data) {
        TopicSpec spec = Topics.find(topic).filter(TopicSpec::ingress).orElseThrow(() -> new SerializationException(
                "JSON bodies are accepted on ingress topics only, not on " + topic));
        Schema reader = CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)
                .flatMap(catalog::current)
                .filter(spec.types()::contains)
                .or(spec::onlyType)
                .orElseThrow(() -> new SerializationException(
                        "JSON record on " + topic + " needs a ce_type header naming one of " + spec.types().stream().map(Schema::getName).toList()));
        try {
            SpecificDatumReader<SpecificRecord> datumReader = new SpecificDatumReader<>(reader, reader, SpecificData.get());
            return datumReader.read(null, DecoderFactory.get().jsonDecoder(reader, new String(data, StandardCharsets.UTF_8)));
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot decode JSON " + reader.getName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
