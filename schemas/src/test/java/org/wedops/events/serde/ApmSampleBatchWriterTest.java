package org.wedops.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

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
import org.wedops.events.Topics;

class ApmSampleBatchWriterTest {

    private final RandomApmSampleBatches random = new RandomApmSampleBatches();

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
            ApmSampleBatch batch = random.batch(random.nextInt(30));

            assertThat(bytes(new ApmSampleBatchWriter(), batch)).as("round %d", round)
                    .isEqualTo(bytes(new SpecificDatumWriter<>(ApmSampleBatch.getClassSchema(), SpecificData.get()), batch));
        }
    }

    @Test
    void serializedBatchIsAvrosSingleObjectEncodingAndDecodesToTheSameBatch() throws Exception {
        AvroEventSerializer serializer = new AvroEventSerializer();
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        for (int round = 0; round < 50; round++) {
            ApmSampleBatch batch = random.batch(1 + random.nextInt(50));

            byte[] serialized = serializer.serialize(Topics.APM_SAMPLES, batch);

            assertThat(serialized).isEqualTo(avroMessage(batch));
            assertThat(deserializer.deserialize(Topics.APM_SAMPLES, serialized)).usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(batch);
        }
    }

    @Test
    void otherEventsAreStillWrittenAsAvrosMessageEncoderWritesThem() throws Exception {
        ApmSample sample = random.sample();

        assertThat(new AvroEventSerializer().serialize(Topics.APM_SAMPLES, sample)).isEqualTo(avroMessage(sample));
    }

    @Test
    void aRequiredFieldLeftNullIsRefusedNamingIt() throws Exception {
        ApmSampleBatch batch = random.batch(3);
        batch.getSamples().get(1).setService(null);
        AvroEventSerializer serializer = new AvroEventSerializer();

        assertThatThrownBy(() -> serializer.serialize(Topics.APM_SAMPLES, batch))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ApmSample.service");
        // nothing of the refused batch is left in the thread's buffer for the next one
        ApmSampleBatch next = random.batch(2);
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
}
