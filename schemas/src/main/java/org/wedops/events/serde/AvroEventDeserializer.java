package org.wedops.events.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
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

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    private final SchemaCatalog catalog;
    private final Map<String, BinaryMessageDecoder<SpecificRecord>> decodersByType = new ConcurrentHashMap<>();

    public AvroEventDeserializer() {
        this(SchemaCatalog.get());
    }

    AvroEventDeserializer(SchemaCatalog catalog) {
        this.catalog = catalog;
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
        if (!startsWithMarker(data)
                && CloudEventHeaders.read(headers, CloudEventHeaders.CONTENT_TYPE).filter(type -> type.startsWith(CloudEventHeaders.AVRO_JSON)).isPresent()) {
            return fromJson(topic, headers, data);
        }
        return fromSingleObject(topic, data);
    }

    private SpecificRecord fromSingleObject(String topic, byte[] data) {
        if (!startsWithMarker(data)) {
            throw new SerializationException("record on " + topic + " is not Avro single-object encoded");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = catalog.writerSchema(fingerprint).orElseThrow(() -> new SerializationException(
                "record on " + topic + " was written with unknown schema fingerprint " + Long.toHexString(fingerprint)));
        try {
            return decoderFor(writer.getFullName()).decode(data);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot decode " + writer.getFullName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithMarker(byte[] data) {
        return data.length >= HEADER_LENGTH && data[0] == MARKER_0 && data[1] == MARKER_1;
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

    private BinaryMessageDecoder<SpecificRecord> decoderFor(String fullName) {
        return decodersByType.computeIfAbsent(fullName, name -> {
            Schema reader = catalog.current(name).orElseThrow(() -> new SerializationException("no current type for " + name));
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.get(), reader);
            catalog.writersOf(name).forEach(decoder::addSchema);
            return decoder;
        });
    }
}
