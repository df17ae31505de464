package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.testsupport.ConsumerProgress;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestDeadLetters;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

/** An emitter writing Avro straight to Kafka passes no validator: what it gets wrong must not stop the windows. */
@WedopsIntegrationTest
class PoisonSampleIT {

    @Autowired
    MeterRegistry meters;

    @Autowired
    WindowPipeline pipeline;

    @Autowired
    WindowSettings settings;

    @Autowired
    MutableClock clock;

    @Test
    void aSampleWithAnInfiniteDurationWrittenStraightToKafkaIsDeadLetteredAndItsPartitionGoesOn() {
        String service = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String series = "HTTP|" + service + "|GET /|stripe|uk|prod";
        TestEvents.send(Topics.APM_SAMPLES, series, sample(service, clock.instant(), Double.POSITIVE_INFINITY));

        try (TopicProbe<byte[]> dead = TopicProbe.raw(Topics.deadLetterOf(Topics.APM_SAMPLES))) {
            ConsumerRecord<String, byte[]> record = dead.await(r -> series.equals(r.key()));
            assertThat(new String(record.headers().lastHeader(SampleDeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .contains("duration-not-finite");
            assertThat(((ApmSample) new AvroEventDeserializer().deserialize(Topics.APM_SAMPLES, record.value())).getDurationMs())
                    .isInfinite();
        }
        // the same series, so the same partition: a sample after the poison is still read (too old to count, so late)
        TestEvents.send(Topics.APM_SAMPLES, series, sample(service, Instant.parse("2026-01-01T00:00:00Z"), 10));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Counter late = meters.find("apm.samples.late").tag("service", service).counter();
            return late != null && late.count() == 1.0;
        });
        assertThat(pipeline.isProcessing()).isTrue();
    }

    @Test
    void aRecordWhoseDeadLetterWouldBeTooLargeIsDeadLetteredWithoutItsValueAndItsPartitionGoesOn() {
        String service = "oversize-" + UUID.randomUUID().toString().substring(0, 8);
        String series = "HTTP|" + service + "|GET /|stripe|uk|prod";
        TestDeadLetters.sendOversizePoison(Topics.APM_SAMPLES, series);
        RecordMetadata after = TestEvents.send(Topics.APM_SAMPLES, series, sample(service, Instant.parse("2026-01-01T00:00:00Z"), 10));

        // committed past the record after it, on the same partition: not a thread that died on the dead letter, aborted
        // its transaction and was replaced to die again on the same record
        ConsumerProgress.awaitConsumed(settings.applicationId(), after);
        // RUNNING again after any rebalance: a died thread is replaced, but the commit above is what proves it did not die
        await().atMost(Duration.ofSeconds(60)).until(pipeline::isProcessing);
        TestDeadLetters.awaitDeadLetterWithoutValue(Topics.APM_SAMPLES, series);
    }

    private static ApmSample sample(String service, Instant at, double durationMs) {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setKind(ApmSampleKind.HTTP)
                .setService(service).setOperation("GET /").setProvider("stripe").setRegion("uk").setEnvironment("prod")
                .setTimestamp(at).setDurationMs(durationMs).setSuccess(true).build();
    }
}
