package org.wedops.apm.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class ErrorGroupsIT {

    @Autowired
    WebTestClient web;

    @Autowired
    ErrorGroupStore store;

    @Autowired
    MutableClock clock;

    @Test
    void failedSamplesAreGroupedByKindOperationAndErrorTypeWithCountsAndFirstAndLastSeen() {
        String operation = "stripe.invoice.paid." + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(sample(operation, now.minusSeconds(60 - i), false, "timeout", null));
        }
        samples.add(sample(operation, now.minusSeconds(30), false, null, 502));
        samples.add(sample(operation, now.minusSeconds(20), false, null, 502));
        samples.add(sample(operation, now.minusSeconds(10), true, null, 200));

        web.post().uri("/api/apm/samples").headers(h -> h.setBearerAuth(TestTokens.ingest())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("samples", samples)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(8);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/apm/errors?service=payments&kind=WEBHOOK&limit=1000")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.operation == '" + operation + "')]").value(groups -> assertThat((List<?>) groups).hasSize(2))
                .jsonPath("$[?(@.operation == '" + operation + "' && @.errorType == 'timeout')].count").isEqualTo(5)
                .jsonPath("$[?(@.operation == '" + operation + "' && @.errorType == 'timeout')].firstSeen").isEqualTo(now.minusSeconds(60).toString())
                .jsonPath("$[?(@.operation == '" + operation + "' && @.errorType == 'timeout')].lastSeen").isEqualTo(now.minusSeconds(56).toString())
                .jsonPath("$[?(@.operation == '" + operation + "' && @.errorType == 'HTTP 502')].count").isEqualTo(2)
                .jsonPath("$[?(@.operation == '" + operation + "' && @.errorType == 'HTTP 502')].lastStatus").isEqualTo(502));
    }

    @Test
    void aFailedSampleAnEmitterWroteStraightToTheTopicWithoutOurHeaderIsGroupedToo() {
        String operation = "ai.caption." + UUID.randomUUID().toString().substring(0, 8);
        ApmSample failed = ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setKind(ApmSampleKind.AI_INFERENCE).setService("gallery").setOperation(operation).setRegion("uk").setEnvironment("prod")
                .setTimestamp(clock.instant()).setDurationMs(5000).setSuccess(false).setErrorType("Timeout").build();

        TestEvents.send(Topics.APM_SAMPLES, "AI_INFERENCE|gallery|" + operation, failed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.recent("gallery", "AI_INFERENCE",
                clock.instant().minusSeconds(3600), 1000).filter(g -> g.operation().equals(operation)).collectList()
                .block(Duration.ofSeconds(10))).extracting(ErrorGroupStore.ErrorGroup::errorType).containsExactly("Timeout"));
    }

    @Test
    void aBatchDeliveredAgainIsCountedOnce() {
        String operation = "crm.contact.sync." + UUID.randomUUID().toString().substring(0, 8);
        ApmSample failed = ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(clock.instant())
                .setKind(ApmSampleKind.HTTP).setService("crm").setOperation(operation).setRegion("uk").setEnvironment("prod")
                .setTimestamp(clock.instant()).setDurationMs(40).setSuccess(false).setErrorType("ConnectException").build();
        // a partition of a topic of its own, so the listener's offsets of the real topic are not disturbed
        String topic = "redelivery-" + operation;
        List<ErrorGroupStore.Consumed> batch = List.of(new ErrorGroupStore.Consumed(topic, 0, 0, List.of(failed)),
                new ErrorGroupStore.Consumed(topic, 0, 1, List.of(failed)));

        store.count(batch).block(Duration.ofSeconds(10));
        store.count(batch).block(Duration.ofSeconds(10));
        store.count(List.of(new ErrorGroupStore.Consumed(topic, 0, 1, List.of(failed)), new ErrorGroupStore.Consumed(topic, 0, 2, List.of(failed))))
                .block(Duration.ofSeconds(10));

        assertThat(store.recent("crm", "HTTP", clock.instant().minusSeconds(3600), 1000).filter(g -> g.operation().equals(operation))
                .single().block(Duration.ofSeconds(10)).count()).isEqualTo(3);
    }

    @Test
    void aWrongSinceOrLimitNamesTheParameter() {
        web.get().uri("/api/apm/errors?since=yesterday").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("since");
        web.get().uri("/api/apm/errors?limit=0").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    private static Map<String, Object> sample(String operation, Instant at, boolean success, String errorType, Integer status) {
        Map<String, Object> sample = new HashMap<>(Map.of("kind", "WEBHOOK", "service", "payments", "operation", operation, "provider", "stripe",
                "region", "uk", "environment", "prod", "timestamp", at.toString(), "durationMs", 120.0, "success", success));
        sample.put("errorType", errorType);
        sample.put("statusCode", status);
        return sample;
    }
}
