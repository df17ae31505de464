package org.wedops.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;

class ApmSampleBatchWriterTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00.123Z");
    private static final String[] TEXTS = {"", "stripe", "Zürich", "婚礼", "💍 venue", "x".repeat(300)};

    private final Random random = new Random(20260606);

    @Test
    void writesTheCurrentSchema() {
        assertThat(ApmSampleBatchWriter.writes(ApmSampleBatch.getClassSchema()))
                .as("ApmSampleBatch (or ApmSample) changed: make ApmSampleBatchWriter follow it, then update WRITTEN_FOR to %x",
                        SchemaCatalog.fingerprint(ApmSampleBatch.getClassSchema()))
                .isTrue();
    }

    @Test
    void aChangedSchemaIsLeftToTheGenericWriter() {
        Schema withAnotherField = new Schema.Parser().parse(ApmSampleBatch.getClassSchema().toString()
                .replace("{\"name\":\"eventId\",\"type\":{\"type\":\"string\"", "{\"name\":\"source\",\"type\":\"string\"},{\"name\":\"eventId\",\"type\":{\"type\":\"string\""));
        assertThat(withAnotherField.getField("source")).isNotNull();

        assertThat(ApmSampleBatchWriter.writes(withAnotherField)).isFalse();
        assertThat(ApmSampleBatchWriter.writes(ApmSample.getClassSchema())).isFalse();
    }

    @Test
    void writesTheGenericWritersBytesForEveryShapeOfSample() throws Exception {
        for (int round = 0; round < 200; round++) {
            ApmSampleBatch batch = batch(random.nextInt(30));

            assertThat(bytes(new ApmSampleBatchWriter(), batch)).as("round %d", round)
                    .isEqualTo(bytes(new SpecificDatumWriter<>(ApmSampleBatch.getClassSchema(), SpecificData.get()), batch));
        }
    }

    @Test
    void serializedBatchIsAvrosSingleObjectEncodingAndDecodesToTheSameBatch() throws Exception {
        AvroEventSerializer serializer = new AvroEventSerializer();
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        for (int round = 0; round < 50; round++) {
            ApmSampleBatch batch = batch(1 + random.nextInt(50));

            byte[] serialized = serializer.serialize(Topics.APM_SAMPLES, batch);

            assertThat(serialized).isEqualTo(avroMessage(batch));
            assertThat(deserializer.deserialize(Topics.APM_SAMPLES, serialized)).isEqualTo(batch);
        }
    }

    @Test
    void otherEventsAreStillWrittenAsAvrosMessageEncoderWritesThem() throws Exception {
        ApmSample sample = sample();

        assertThat(new AvroEventSerializer().serialize(Topics.APM_SAMPLES, sample)).isEqualTo(avroMessage(sample));
    }

    @Test
    void aRequiredFieldLeftNullIsRefusedNamingIt() throws Exception {
        ApmSampleBatch batch = batch(3);
        batch.getSamples().get(1).setService(null);
        AvroEventSerializer serializer = new AvroEventSerializer();

        assertThatThrownBy(() -> serializer.serialize(Topics.APM_SAMPLES, batch))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ApmSample.service");
        // nothing of the refused batch is left in the thread's buffer for the next one
        ApmSampleBatch next = batch(2);
        assertThat(serializer.serialize(Topics.APM_SAMPLES, next)).isEqualTo(avroMessage(next));
    }

    private static <T> byte[] bytes(DatumWriter<T> writer, T datum) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] avroMessage(SpecificRecord event) throws Exception {
        ByteBuffer encoded = new BinaryMessageEncoder<SpecificRecord>(SpecificData.get(), event.getSchema()).encode(event);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private ApmSampleBatch batch(int samples) {
        List<ApmSample> list = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            list.add(sample());
        }
        return new ApmSampleBatch(UUID.randomUUID().toString(), NOW, list);
    }

    /** Each nullable field present or not at random, strings of every width of UTF-8, numbers at their extremes. */
    private ApmSample sample() {
        ApmSample sample = new ApmSample();
        sample.setEventId(UUID.randomUUID().toString());
        sample.setOccurredAt(NOW.plusMillis(random.nextInt(100_000)));
        sample.setKind(ApmSampleKind.values()[random.nextInt(ApmSampleKind.values().length)]);
        sample.setService(text());
        sample.setOperation(text());
        sample.setProvider(maybe(text()));
        sample.setRegion(text());
        sample.setEnvironment(text());
        sample.setTimestamp(Instant.ofEpochMilli(random.nextBoolean() ? -random.nextInt(1_000_000) : NOW.toEpochMilli() + random.nextInt()));
        sample.setDurationMs(random.nextBoolean() ? random.nextDouble() * 10_000 : new double[] {0.0, -0.0, Double.MAX_VALUE, Double.NaN}[random.nextInt(4)]);
        sample.setSuccess(random.nextBoolean());
        sample.setErrorType(maybe(text()));
        sample.setStatusCode(maybe(random.nextBoolean() ? 200 + random.nextInt(400) : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}[random.nextInt(4)]));
        sample.setChainId(maybe(text()));
        sample.setStep(maybe(text()));
        sample.setRoute(maybe(text()));
        sample.setConnectionCount(maybe(random.nextInt()));
        sample.setDisconnects(maybe(random.nextInt(100)));
        sample.setModel(maybe(text()));
        sample.setTimedOut(maybe(random.nextBoolean()));
        sample.setTokensIn(maybe(random.nextLong()));
        sample.setTokensOut(maybe((long) random.nextInt(100_000)));
        sample.setCostUsd(maybe(random.nextDouble()));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            attributes.put(text() + i, text());
        }
        sample.setAttributes(attributes);
        return sample;
    }

    private String text() {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private <T> T maybe(T value) {
        return random.nextBoolean() ? value : null;
    }
}
