package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class SampleBatchIngestIT {

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaAdmin admin;

    @Test
    void aBatchWithABadSampleTakesTheGoodOneOntoTheSamplesTopicAndNamesTheBadField() {
        String operation = "stripe.invoice.paid." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> good = sample(operation, 123.4);
        Map<String, Object> bad = sample(operation, -1);

        web.post().uri("/api/apm/samples")
                .headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("samples", List.of(good, bad)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].index").isEqualTo(1)
                .jsonPath("$.rejected[0].field").isEqualTo("durationMs")
                .jsonPath("$.rejected[0].reason").isEqualTo("must be >= 0");

        try (TopicProbe<SpecificRecord> samples = TopicProbe.events(Topics.APM_SAMPLES)) {
            ConsumerRecord<String, SpecificRecord> record = samples.await(r -> r.value() instanceof ApmSampleBatch b
                    && b.getSamples().stream().anyMatch(s -> s.getOperation().equals(operation)));
            List<ApmSample> carried = ((ApmSampleBatch) record.value()).getSamples();
            assertThat(carried).hasSize(1);
            ApmSample sample = carried.get(0);
            String series = "WEBHOOK|payments|" + operation + "|stripe|uk|prod";
            assertThat(SeriesKey.of(sample)).isEqualTo(series);
            assertThat(record.partition()).isEqualTo(BuiltInPartitioner.partitionForKey(series.getBytes(StandardCharsets.UTF_8),
                    admin.describeTopics(Topics.APM_SAMPLES).get(Topics.APM_SAMPLES).partitions().size()));
            assertThat(new String(record.headers().lastHeader(SampleOutcomeHeader.NAME).value(), StandardCharsets.UTF_8)).isEqualTo("success");
            assertThat(sample.getKind()).isEqualTo(ApmSampleKind.WEBHOOK);
            assertThat(sample.getDurationMs()).isEqualTo(123.4);
            assertThat(sample.getTimestamp()).isEqualTo(Instant.parse("2026-06-06T14:00:00Z"));
            assertThat(sample.getChainId()).isEqualTo("chain-1");
            // an Avro map cannot carry a null value: that attribute is left out, the sample is taken
            assertThat(sample.getAttributes()).containsOnly(Map.entry("chainId", "chain-1"));
            assertThat(UUID.fromString(sample.getEventId())).isNotNull();
            assertThat(samples.seen(r -> r.value() instanceof ApmSampleBatch b
                    && b.getSamples().stream().anyMatch(s -> s.getOperation().equals(operation)))).hasSize(1);
        }
    }

    @Test
    void aSampleThatCannotBeReadIsRejectedWithItsFieldAndTheOthersAreTaken() {
        Map<String, Object> unreadable = new HashMap<>(sample("op-" + UUID.randomUUID(), 5));
        unreadable.put("timestamp", "yesterday");

        web.post().uri("/api/apm/samples")
                .headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("samples", List.of(sample("op-" + UUID.randomUUID(), 5), unreadable, "not an object")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected[0].index").isEqualTo(1)
                .jsonPath("$.rejected[0].field").isEqualTo("timestamp")
                .jsonPath("$.rejected[1].index").isEqualTo(2)
                .jsonPath("$.rejected[1].field").isEqualTo("sample");
    }

    @Test
    void aBodyThatIsNotABatchIsRefusedWithProblemDetailsNamingTheSamples() {
        web.post().uri("/api/apm/samples")
                .headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"samples\": [{\"kind\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("samples");
    }

    @Test
    void aBatchOverTheSampleLimitIsRefusedWhole() {
        web.post().uri("/api/apm/samples")
                .headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("samples", Collections.nCopies(5001, Map.of())))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 5000"));
    }

    @Test
    void samplesNeedAnIngestOrOperatorTokenAndAViewerCannotPostThem() {
        Map<String, Object> body = Map.of("samples", List.of(sample("op-" + UUID.randomUUID(), 1)));
        web.post().uri("/api/apm/samples").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/apm/samples").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
    }

    private static Map<String, Object> sample(String operation, double durationMs) {
        Map<String, Object> sample = new HashMap<>();
        sample.put("kind", "WEBHOOK");
        sample.put("service", "payments");
        sample.put("operation", operation);
        sample.put("provider", "stripe");
        sample.put("region", "uk");
        sample.put("environment", "prod");
        sample.put("timestamp", "2026-06-06T14:00:00Z");
        sample.put("durationMs", durationMs);
        sample.put("success", true);
        sample.put("errorType", null);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("chainId", "chain-1");
        attributes.put("note", null);
        sample.put("attributes", attributes);
        return sample;
    }
}
