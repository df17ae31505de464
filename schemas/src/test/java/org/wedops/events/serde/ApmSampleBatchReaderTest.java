package org.wedops.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.Topics;

class ApmSampleBatchReaderTest {

    private static final Schema SCHEMA = ApmSampleBatch.getClassSchema();

    private final RandomApmSampleBatches random = new RandomApmSampleBatches();

    @Test
    void readsOnlyTheSchemaTheWriterWasWrittenForIntoTheSame() {
        Schema withAnotherField = new Schema.Parser().parse(SCHEMA.toString()
                .replace("{\"name\":\"eventId\",\"type\":{\"type\":\"string\"", "{\"name\":\"source\",\"type\":\"string\"},{\"name\":\"eventId\",\"type\":{\"type\":\"string\""));

        assertThat(ApmSampleBatchReader.reads(SCHEMA, SCHEMA)).isTrue();
        assertThat(ApmSampleBatchReader.reads(withAnotherField, SCHEMA)).isFalse();
        assertThat(ApmSampleBatchReader.reads(SCHEMA, withAnotherField)).isFalse();
    }

    @Test
    void readsWhatTheSpecificReaderReadsForEveryShapeOfSample() throws Exception {
        for (int round = 0; round < 200; round++) {
            ApmSampleBatch batch = random.batch(random.nextInt(30));
            byte[] bytes = written(batch, 0);

            ApmSampleBatch read = ApmSampleBatchReader.WHOLE.read(null, DecoderFactory.get().binaryDecoder(bytes, null));

            assertThat(read).as("round %d", round).usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD)
                    .isEqualTo(new SpecificDatumReader<ApmSampleBatch>(SCHEMA, SCHEMA, SpecificData.get()).read(null, DecoderFactory.get().binaryDecoder(bytes, null)))
                    .isEqualTo(batch);
        }
    }

    @Test
    void readsArraysAndMapsWrittenInManyBlocks() throws Exception {
        ApmSampleBatch batch = random.batch(40);
        byte[] bytes = written(batch, 64);

        assertThat(ApmSampleBatchReader.WHOLE.read(null, DecoderFactory.get().binaryDecoder(bytes, null))).usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(batch);
    }

    @Test
    void theWindowReaderReadsWhatAWindowIsBuiltFromAndPassesOverTheRestOfEverySample() throws Exception {
        for (int round = 0; round < 200; round++) {
            ApmSampleBatch batch = random.batch(random.nextInt(30));
            // in many blocks too: a skipped map with its block sizes must leave the next sample where it starts
            byte[] bytes = written(batch, round % 2 == 0 ? 0 : 64);

            ApmSampleBatch read = ApmSampleBatchReader.WINDOW_FIELDS.read(null, DecoderFactory.get().binaryDecoder(bytes, null));

            assertThat(read).as("round %d", round).usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(windowFieldsOf(batch));
        }
    }

    @Test
    void theWindowsDeserializerLeavesOutTheDetailsOfBatchedSamplesOnly() {
        ApmSampleBatch batch = random.batch(5);
        ApmSample single = random.batch(1).getSamples().get(0);
        AvroEventDeserializer deserializer = AvroEventDeserializer.forSampleWindows();

        assertThat(deserializer.deserialize(Topics.APM_SAMPLES, new AvroEventSerializer().serialize(Topics.APM_SAMPLES, batch)))
                .usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(windowFieldsOf(batch));
        assertThat(deserializer.deserialize(Topics.APM_SAMPLES, new AvroEventSerializer().serialize(Topics.APM_SAMPLES, single)))
                .usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(single);
    }

    @Test
    void theDeserializerReadsBatchesAndRefusesATruncatedOne() {
        ApmSampleBatch batch = random.batch(5);
        byte[] serialized = new AvroEventSerializer().serialize(Topics.APM_SAMPLES, batch);
        AvroEventDeserializer deserializer = new AvroEventDeserializer();

        assertThat(deserializer.deserialize(Topics.APM_SAMPLES, serialized)).usingRecursiveComparison(RandomApmSampleBatches.FIELD_BY_FIELD).isEqualTo(batch);
        assertThatThrownBy(() -> deserializer.deserialize(Topics.APM_SAMPLES, Arrays.copyOf(serialized, serialized.length - 3)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode org.wedops.events.ApmSampleBatch")
                .hasCauseInstanceOf(EOFException.class);
    }

    @Test
    void aKindOrUnionBranchOutsideTheSchemaIsRefusedNotMisread() throws Exception {
        assertThatThrownBy(() -> readSampleStartingWith(7, 0))
                .isInstanceOf(AvroRuntimeException.class).hasMessageContaining("ApmSampleKind has no symbol 7");
        assertThatThrownBy(() -> readSampleStartingWith(0, 2))
                .isInstanceOf(AvroRuntimeException.class).hasMessageContaining("no union branch 2");
    }

    /** The batch as the window reader should read it: each sample with its window's fields only. */
    private static ApmSampleBatch windowFieldsOf(ApmSampleBatch batch) {
        return new ApmSampleBatch(batch.getEventId(), batch.getOccurredAt(), batch.getSamples().stream().map(sample -> {
            ApmSample fields = new ApmSample();
            fields.setKind(sample.getKind());
            fields.setService(sample.getService());
            fields.setOperation(sample.getOperation());
            fields.setProvider(sample.getProvider());
            fields.setRegion(sample.getRegion());
            fields.setEnvironment(sample.getEnvironment());
            fields.setTimestamp(sample.getTimestamp());
            fields.setDurationMs(sample.getDurationMs());
            fields.setSuccess(sample.getSuccess());
            return fields;
        }).toList());
    }

    /** A batch of one sample with this kind index and this branch for its provider, the first nullable field. */
    private static ApmSample readSampleStartingWith(int kind, int providerBranch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeString("batch-1");
        encoder.writeLong(0);
        encoder.writeArrayStart();
        encoder.setItemCount(1);
        encoder.startItem();
        encoder.writeString("sample-1");
        encoder.writeLong(0);
        encoder.writeEnum(kind);
        encoder.writeString("checkout");
        encoder.writeString("pay");
        encoder.writeIndex(providerBranch);
        encoder.flush();
        return ApmSampleBatchReader.WHOLE.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null)).getSamples().get(0);
    }

    /** Written by Avro's own writer; with a block size, long arrays and maps are split into blocks that carry their size. */
    private static byte[] written(ApmSampleBatch batch, int blockSize) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = blockSize == 0 ? EncoderFactory.get().binaryEncoder(out, null)
                : new EncoderFactory().configureBlockSize(blockSize).blockingBinaryEncoder(out, null);
        new SpecificDatumWriter<ApmSampleBatch>(SCHEMA, SpecificData.get()).write(batch, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
