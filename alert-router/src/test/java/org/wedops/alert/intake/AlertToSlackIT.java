package org.wedops.alert.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.DeliveryOutcome;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WedopsIntegrationTest(properties = {"wedops.alert.dispatch.first-retry=100ms", "wedops.alert.dispatch.interval=100ms"})
class AlertToSlackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> slackMessages = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresToGive = new AtomicInteger();
    private static final HttpServer slack = startSlack();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void slackUrl(DynamicPropertyRegistry registry) {
        registry.add("wedops.alert.slack.webhook-url", () -> "http://127.0.0.1:" + slack.getAddress().getPort() + "/slack");
    }

    @AfterAll
    static void stopSlack() {
        slack.stop(0);
    }

    @Test
    void firingAlertIsPostedToSlackOnceAndItsResolutionAfterwards() {
        String fingerprint = "fp-" + UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert firing = alert(fingerprint, AlertStatus.FIRING, start, start);

        TestEvents.send(Topics.ALERTS, fingerprint, firing);
        TestEvents.send(Topics.ALERTS, fingerprint, firing); // redelivery of the same event
        TestEvents.send(Topics.ALERTS, fingerprint, alert(fingerprint, AlertStatus.FIRING, start, start.plusSeconds(1))); // still firing

        await().untilAsserted(() -> assertThat(messagesFor(fingerprint)).hasSize(1));
        JsonNode fired = JSON.readTree(messagesFor(fingerprint).get(0));
        assertThat(fired.get("text").asString()).isEqualTo("[FIRING][CRITICAL] VenueWifiDown: venue wifi down at " + fingerprint);
        assertThat(fired.at("/attachments/0/color").asString()).isEqualTo("#D00000");
        assertThat(fired.at("/attachments/0/blocks/2/fields/0/text").asString()).isEqualTo("*Service*\ncrm");

        TestEvents.send(Topics.ALERTS, fingerprint, alert(fingerprint, AlertStatus.RESOLVED, start, start.plusSeconds(2)));

        await().untilAsserted(() -> assertThat(messagesFor(fingerprint)).hasSize(2));
        JsonNode resolved = JSON.readTree(messagesFor(fingerprint).get(1));
        assertThat(resolved.get("text").asString()).startsWith("[RESOLVED][CRITICAL] VenueWifiDown");
        assertThat(resolved.at("/attachments/0/color").asString()).isEqualTo("#2EB67D");
        web.get().uri("/api/alerts/" + fingerprint).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("RESOLVED")
                .jsonPath("$.notifications.length()").isEqualTo(2)
                .jsonPath("$.notifications[0].kind").isEqualTo("FIRING")
                .jsonPath("$.notifications[0].status").isEqualTo("DELIVERED")
                .jsonPath("$.notifications[1].kind").isEqualTo("RESOLVED");
    }

    @Test
    void slackFailureIsRetriedUntilDeliveredAndEveryAttemptIsPublished() {
        String fingerprint = "fp-" + UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        failuresToGive.set(1);

        try (TopicProbe<SpecificRecord> outcomes = TopicProbe.events(Topics.NOTIFICATIONS)) {
            TestEvents.send(Topics.ALERTS, fingerprint, alert(fingerprint, AlertStatus.FIRING, start, start));

            NotificationOutcome retrying = outcomes.awaitEvent(NotificationOutcome.class,
                    o -> o.getFingerprint().equals(fingerprint) && o.getOutcome() == DeliveryOutcome.RETRYING);
            NotificationOutcome delivered = outcomes.awaitEvent(NotificationOutcome.class,
                    o -> o.getFingerprint().equals(fingerprint) && o.getOutcome() == DeliveryOutcome.DELIVERED);
            assertThat(retrying.getAttempt()).isEqualTo(1);
            assertThat(retrying.getError()).contains("500");
            assertThat(delivered.getAttempt()).isEqualTo(2);
            assertThat(delivered.getDeliveryKey()).isEqualTo(retrying.getDeliveryKey());
            assertThat(delivered.getAlertName()).isEqualTo("VenueWifiDown");
        }
        assertThat(messagesFor(fingerprint)).hasSize(1);
        Map<String, Object> row = db.sql("select status, attempts from notification where fingerprint = :fp").bind("fp", fingerprint)
                .fetch().one().block(Duration.ofSeconds(5));
        assertThat(row).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    }

    @Test
    void undecodableAlertGoesToTheDeadLetterTopicAndTheNextAlertIsStillRouted() {
        String fingerprint = "fp-" + UUID.randomUUID();
        TestEvents.sendRaw(Topics.ALERTS, fingerprint, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}, Map.of());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.send(Topics.ALERTS, fingerprint, alert(fingerprint, AlertStatus.FIRING, start, start));

        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(Topics.ALERTS))) {
            var dead = deadLetters.await(r -> fingerprint.equals(r.key()));
            assertThat(new String(dead.headers().lastHeader("wedops_dlt-reason").value(), StandardCharsets.UTF_8))
                    .contains("SerializationException");
        }
        await().untilAsserted(() -> assertThat(messagesFor(fingerprint)).hasSize(1));
    }

    @Test
    void unknownAlertIsA404ProblemAndTheApiNeedsAToken() {
        web.get().uri("/api/alerts/nope").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        web.get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    }

    private static List<String> messagesFor(String fingerprint) {
        return slackMessages.stream().filter(message -> message.contains(fingerprint)).toList();
    }

    private static Alert alert(String fingerprint, AlertStatus status, Instant startsAt, Instant occurredAt) {
        return Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt)
                .setFingerprint(fingerprint).setName("VenueWifiDown").setStatus(status).setSeverity(Severity.CRITICAL)
                .setService("crm").setRegion("uk").setSummary("venue wifi down at " + fingerprint).setSource("test")
                .setStartsAt(startsAt).setEndsAt(status == AlertStatus.RESOLVED ? occurredAt : null)
                .setLabels(Map.of("venue", "old-barn"))
                .build();
    }

    private static HttpServer startSlack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/slack", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
                if (status == 200) {
                    slackMessages.add(body);
                }
                byte[] answer = (status == 200 ? "ok" : "server_error").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
