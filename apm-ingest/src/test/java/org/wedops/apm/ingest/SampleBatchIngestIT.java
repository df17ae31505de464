package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.apm.aggregation.SeriesKey;
import org.wedops.apm.errors.ErrorGroupStore;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class SampleBatchIngestIT {

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    MutableClock clock;

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

    @Test
    void absurdDurationsAreRejectedNamingDurationMsAndTheGoodSampleIsTaken() {
        String now = clock.instant().toString();
        String body = "{\"samples\":[" + String.join(",",
                json("absurd", now, "1.7976931348623157e308"), json("absurd", now, "1e308"), json("absurd", now, "-1"),
                json("absurd", now, "\"NaN\""), json("absurd", now, "1e400"), json("absurd", now, "12.5")) + "]}";

        post(body).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected[*].index").isEqualTo(List.of(0, 1, 2, 3, 4))
                .jsonPath("$.rejected[*].field").isEqualTo(List.of("durationMs", "durationMs", "durationMs", "durationMs", "durationMs"))
                .jsonPath("$.rejected[0].reason").isEqualTo("must be at most 86400000 (24h)")
                .jsonPath("$.rejected[2].reason").isEqualTo("must be >= 0")
                .jsonPath("$.rejected[3].reason").isEqualTo("must be a finite number");
    }

    @Test
    void aSampleAnHourAheadIsRejectedNamingTheTimestamp() {
        Instant now = clock.instant();
        String body = "{\"samples\":[" + json("ahead", now.toString(), "5") + "," + json("ahead", now.plusSeconds(3600).toString(), "5") + "]}";

        post(body).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].index").isEqualTo(1)
                .jsonPath("$.rejected[0].field").isEqualTo("timestamp")
                .jsonPath("$.rejected[0].reason").isEqualTo("must not be more than 10s in the future");
    }

    @Test
    void aBatchOfWhichNothingCanBeTakenIsRefusedAsProblemDetailsNamingEachSample() {
        String body = "{\"samples\":[" + json("ahead", clock.instant().plusSeconds(3600).toString(), "5") + "]}";

        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("samples[0].timestamp");
    }

    @Test
    void anEmptyBodyAnEmptyObjectAndNoSamplesAreProblemsNamingTheSamples() {
        for (String body : List.of("", "{}", "{\"samples\":[]}", "{\"samples\":null}")) {
            post(body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("samples");
        }
    }

    @Test
    void aSixMegabyteBodyIsRefusedWith413FromItsLengthBeforeItIsRead() {
        byte[] body = new byte[6 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        post(body).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 5242880 bytes"));
    }

    @Test
    void aStreamedBodyWithoutALengthIsRefusedWith413OnceTheLimitIsPassedWithoutReadingTheRest() throws Exception {
        long total = 64L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/apm/samples HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestTokens.ingest()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    while (sent.get() < total) {
                        out.write(head);
                        out.write(chunk);
                        out.write(new byte[] {'\r', '\n'});
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException refused) {
                    // the server stopped reading and closed the connection
                }
            });
            writer.start();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            writer.join(30_000);
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        assertThat(sent.get()).as("bytes the server let the client send").isLessThan(total / 2);
    }

    @LocalServerPort
    int port;

    @Test
    void labelsOverTheirLimitsAreRejectedNamingTheField() {
        String now = clock.instant().toString();
        String longService = json("labels", now, "5").replace("\"service\":\"payments\"", "\"service\":\"" + "s".repeat(65) + "\"");
        String longAttribute = json("labels", now, "5").replace("\"attributes\":{}", "\"attributes\":{\"note\":\"" + "n".repeat(1025) + "\"}");

        post("{\"samples\":[" + longService + "," + longAttribute + "," + json("labels", now, "5") + "]}").expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected[0].field").isEqualTo("service")
                .jsonPath("$.rejected[0].reason").isEqualTo("must be at most 64 characters")
                .jsonPath("$.rejected[1].field").isEqualTo("attributes.note");
    }

    @Test
    void samplesOfNewSeriesBeyondTheServicesCapAreRejectedAndABatchOfOnlyThoseIsRefused() {
        String service = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        String now = clock.instant().toString();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            samples.add(json("op-" + i, now, "5").replace("\"service\":\"payments\"", "\"service\":\"" + service + "\""));
        }
        post("{\"samples\":[" + String.join(",", samples) + "]}").expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1000)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].index").isEqualTo(1000)
                .jsonPath("$.rejected[0].field").isEqualTo("service")
                .jsonPath("$.rejected[0].reason").value(reason -> assertThat((String) reason)
                        .contains(service, "cap of 1000 distinct series", "operation", "wedops.apm.series.max-per-service"));

        // a known series is still taken; a batch of new ones only is refused whole
        post("{\"samples\":[" + samples.get(0) + "]}").expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        post("{\"samples\":[" + samples.get(1000) + "]}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("samples[0].service");
    }

    @Test
    void aBatchRetriedWithTheSameIdempotencyKeyIsAnsweredAlikeAndCountedOnceInTheErrorGroups() {
        String operation = "retry." + UUID.randomUUID().toString().substring(0, 8);
        String now = clock.instant().toString();
        String failed = json(operation, now, "40").replace("\"success\":true", "\"success\":false,\"errorType\":\"Timeout\"");
        String body = "{\"samples\":[" + failed + "," + failed + "," + failed + "]}";
        String key = "batch-" + UUID.randomUUID();

        String first = new String(post(body, key).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        String retried = new String(post(body, key).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(retried).isEqualTo(first).contains("\"accepted\":3");
        // the same samples again without a key: taken again, on the same partition, after anything the retry might have sent
        post("{\"samples\":[" + failed + "]}").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> timeouts(operation) >= 4);
        assertThat(timeouts(operation)).isEqualTo(4);
        try (TopicProbe<SpecificRecord> topic = TopicProbe.events(Topics.APM_SAMPLES)) {
            topic.await(r -> carries(r, operation) && ((ApmSampleBatch) r.value()).getSamples().size() == 1);
            List<ConsumerRecord<String, SpecificRecord>> keyed = topic.seen(r -> carries(r, operation) && ((ApmSampleBatch) r.value()).getSamples().size() == 3);
            assertThat(keyed).hasSize(1);
            ApmSampleBatch batch = (ApmSampleBatch) keyed.get(0).value();
            SampleEventIds expected = SampleEventIds.forBatch("test-user", key);
            assertThat(batch.getSamples()).extracting(ApmSample::getEventId).containsExactly(expected.of(0), expected.of(1), expected.of(2));
            assertThat(batch.getEventId()).isEqualTo(expected.ofRecord(0));
        }
    }

    @Test
    void aBatchIdInTheBodyWorksAsTheKeyAndAMalformedOrConflictingOneIsAProblem() {
        String operation = "batch-id." + UUID.randomUUID().toString().substring(0, 8);
        String id = "b-" + UUID.randomUUID();
        String body = "{\"batchId\":\"" + id + "\",\"samples\":[" + json(operation, clock.instant().toString(), "5") + "]}";
        String first = new String(post(body).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(new String(post(body, id).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8))
                .isEqualTo(first);

        post(body, "another-id").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("batchId");
        post(body.replace("\"durationMs\":5", "\"durationMs\":6"), id).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("another batch"));
        post(body, "not a key!").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        post(body, "k".repeat(129)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Autowired
    ErrorGroupStore errorGroups;

    private long timeouts(String operation) {
        return errorGroups.recent("payments", "WEBHOOK", clock.instant().minusSeconds(3600), 1000)
                .filter(group -> group.operation().equals(operation) && group.errorType().equals("Timeout"))
                .map(ErrorGroupStore.ErrorGroup::count).reduce(0L, Long::sum).block(Duration.ofSeconds(10));
    }

    private static boolean carries(ConsumerRecord<String, SpecificRecord> record, String operation) {
        return record.value() instanceof ApmSampleBatch batch && batch.getSamples().stream().anyMatch(s -> s.getOperation().equals(operation));
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return post(body, null);
    }

    private WebTestClient.ResponseSpec post(Object body, String idempotencyKey) {
        return web.post().uri("/api/apm/samples")
                .headers(h -> {
                    h.setBearerAuth(TestTokens.ingest());
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** One sample as JSON, its duration written as given (so that it can be absurd). */
    private static String json(String operation, String timestamp, String durationMs) {
        return "{\"kind\":\"WEBHOOK\",\"service\":\"payments\",\"operation\":\"" + operation + "\",\"provider\":\"stripe\",\"region\":\"uk\","
                + "\"environment\":\"prod\",\"timestamp\":\"" + timestamp + "\",\"durationMs\":" + durationMs + ",\"success\":true,\"attributes\":{}}";
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
