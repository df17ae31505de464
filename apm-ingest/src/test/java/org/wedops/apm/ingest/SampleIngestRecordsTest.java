package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.wedops.apm.aggregation.SeriesKey;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;

/** How a batch's samples are packed into records: by the partition their series hashes to, each exactly once. */
class SampleIngestRecordsTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");

    @Test
    void eachSampleIsCarriedOnceOnThePartitionItsSeriesKeyHashesTo() {
        List<ApmSample> samples = IntStream.range(0, 300).mapToObj(i -> sample("op-" + i % 40, i % 7 != 0)).toList();

        List<ProducerRecord<String, SpecificRecord>> records = SampleIngest.records(samples, 6, NOW);

        assertThat(records).hasSizeLessThanOrEqualTo(12).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(Topics.APM_SAMPLES);
            assertThat(((ApmSampleBatch) record.value()).getSamples()).allSatisfy(sample -> assertThat(
                    BuiltInPartitioner.partitionForKey(SeriesKey.of(sample).getBytes(StandardCharsets.UTF_8), 6)).isEqualTo(record.partition()));
            // failures travel apart, so a reader of failures decodes only what holds them
            assertThat(((ApmSampleBatch) record.value()).getSamples()).extracting(ApmSample::getSuccess)
                    .containsOnly(SampleOutcomeHeader.saysSuccess(record.headers()));
        });
        assertThat(records.stream().flatMap(record -> ((ApmSampleBatch) record.value()).getSamples().stream()))
                .containsExactlyInAnyOrderElementsOf(samples);
    }

    @Test
    void aPartitionsShareOverTheRecordLimitIsSplit() {
        List<ApmSample> samples = IntStream.range(0, SampleIngest.MAX_SAMPLES_PER_RECORD + 1).mapToObj(i -> sample("one-series", true)).toList();

        List<ProducerRecord<String, SpecificRecord>> records = SampleIngest.records(samples, 6, NOW);

        assertThat(records).extracting(record -> ((ApmSampleBatch) record.value()).getSamples().size())
                .containsExactly(SampleIngest.MAX_SAMPLES_PER_RECORD, 1);
    }

    private static ApmSample sample(String operation, boolean success) {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(NOW).setKind(ApmSampleKind.HTTP)
                .setService("checkout").setOperation(operation).setRegion("uk").setEnvironment("prod").setTimestamp(NOW)
                .setDurationMs(12).setSuccess(success).setErrorType(success ? null : "Timeout").build();
    }
}
