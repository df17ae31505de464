package org.wedops.health.checking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthStatus;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.health.publishing.HealthAlertPublisher;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;

@WedopsIntegrationTest(properties = {"wedops.health.tick=100ms", "wedops.health.confirmations=2"})
class HttpTargetHealthIT {

    private static HttpServer target;
    private static final AtomicInteger answer = new AtomicInteger(200);

    @Autowired
    WebTestClient web;

    @Autowired
    ProtectionStates protection;

    @BeforeAll
    static void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.stop(0);
    }

    @Test
    void failingTargetIsReportedCriticalAndAlertedThenResolvedWhenItRecovers() {
        String id = "crm-api-" + UUID.randomUUID().toString().substring(0, 8);
        answer.set(500);
        register(id).expectStatus().isCreated();

        try (TopicProbe<SpecificRecord> health = TopicProbe.events(Topics.HEALTH);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            var record = health.await(r -> r.value() instanceof ContainerHealthReported e
                    && e.getTargetId().equals(id) && e.getStatus() == HealthStatus.CRITICAL);
            ContainerHealthReported critical = (ContainerHealthReported) record.value();
            assertThat(record.key()).isEqualTo(id);
            assertThat(record.headers().lastHeader("traceparent")).as("trace context travels in the record headers").isNotNull();
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("org.wedops.events.ContainerHealthReported");
            assertThat(critical.getReasons()).containsExactly("HTTP 500");
            assertThat(critical.getService()).isEqualTo("crm");

            Alert firing = alerts.awaitEvent(Alert.class, a -> a.getLabels().get("target").equals(id) && a.getStatus() == AlertStatus.FIRING);
            assertThat(firing.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(firing.getName()).isEqualTo("TargetCritical");
            assertThat(firing.getFingerprint()).isEqualTo(HealthAlertPublisher.fingerprint(id, HealthStatus.CRITICAL));

            web.get().uri("/api/admin/infrastructure/containers?service=crm")
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo("CRITICAL")
                    .jsonPath("$[?(@.id == '" + id + "')].reasons[0]").isEqualTo("HTTP 500")
                    .jsonPath("$[?(@.id == '" + id + "')].source").isEqualTo("HTTP");

            answer.set(200);
            Alert resolved = alerts.awaitEvent(Alert.class, a -> a.getLabels().get("target").equals(id) && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(resolved.getFingerprint()).isEqualTo(firing.getFingerprint());
            assertThat(resolved.getEndsAt()).isAfterOrEqualTo(resolved.getStartsAt());
            assertThat(alerts.seen(r -> r.value() instanceof Alert a && a.getLabels().get("target").equals(id)
                    && a.getStatus() == AlertStatus.FIRING)).hasSize(1);
        } finally {
            web.delete().uri("/api/admin/infrastructure/targets/" + id)
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange();
        }
    }

    @Test
    void registrationWithAnInvalidUrlIsRefusedWithTheFieldAndNothingIsStored() {
        web.post().uri("/api/admin/infrastructure/targets")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "bad-url", "url", "ftp://example", "service", "crm", "region", "uk", "intervalSeconds", 10, "timeoutMs", 20000))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'url')].message").isEqualTo("must be an absolute http or https URL")
                .jsonPath("$.errors[?(@.field == 'timeoutMs')]").exists();

        web.get().uri("/api/admin/infrastructure/targets")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == 'bad-url')]").doesNotExist();
    }

    @Test
    void registeringTheSameTargetTwiceIsAConflict() {
        String id = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        register(id).expectStatus().isCreated();
        register(id).expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.delete().uri("/api/admin/infrastructure/targets/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange().expectStatus().isNoContent();
    }

    @Test
    void theGatewaysRequestIdIsAnsweredBackAndABadOneIsReplaced() {
        web.get().uri("/api/admin/infrastructure/containers").header("X-Request-Id", "trace-me-42")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "trace-me-42");
        web.get().uri("/api/admin/infrastructure/containers").header("X-Request-Id", "<script>")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void requestsWithoutATokenOrWithTooLowARoleAreRefused() {
        web.get().uri("/api/admin/infrastructure/containers").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/infrastructure/containers").headers(h -> h.setBearerAuth(TestTokens.expired("ADMIN")))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/admin/infrastructure/containers").headers(h -> h.setBearerAuth(TestTokens.signedWith("another-secret-of-at-least-32-bytes!!", "ADMIN")))
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/admin/infrastructure/targets").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", "x"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/admin/infrastructure/targets").headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", "x"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void undecodableProtectionRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String region = "dlt-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.sendRaw(Topics.PROTECTION, region, "garbage".getBytes(StandardCharsets.UTF_8), Map.of());
        TestEvents.send(Topics.PROTECTION, region, ProtectionState.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setRegion(region).setTimeZone("Europe/London").setLevel(ProtectionLevel.HIGH)
                .setProfile(ThresholdProfile.WEDDING_DAY).setFreezeActive(true).build());

        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(Topics.PROTECTION))) {
            var dead = deadLetters.await(r -> region.equals(r.key()));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(new String(dead.headers().lastHeader("wedops_dlt-reason").value(), StandardCharsets.UTF_8))
                    .contains("not Avro single-object encoded");
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.PROTECTION);
        }
        await().untilAsserted(() -> assertThat(protection.profile(region)).isEqualTo(ThresholdProfile.WEDDING_DAY));
    }

    private WebTestClient.ResponseSpec register(String id) {
        return web.post().uri("/api/admin/infrastructure/targets")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "url", "http://127.0.0.1:" + target.getAddress().getPort() + "/health",
                        "service", "crm", "region", "uk", "intervalSeconds", 1, "timeoutMs", 500))
                .exchange();
    }
}
