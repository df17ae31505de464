package org.wedops.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.alert.intake.ReceiverStandIn;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.NotificationChannel;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * A viewer must not learn a receiver's secrets, and a failing receiver must not spill them: Slack's webhook path is
 * its token, PagerDuty's routing key a bearer key. The Slack stand-in answers 500 and the PagerDuty one 404, and
 * every place an error goes is searched for the secrets: the notification row, ops.notifications.v1, the alert's
 * API answer and the log. The Slack URL comes from a {@code ${...}} placeholder, the key from a file.
 */
@ExtendWith(OutputCaptureExtension.class)
// its own database and intake group (as DeliveryAcrossRestartIT): a context with another routing must not drain the
// outbox of the other alert-router test contexts of this JVM, nor they its
@WedopsIntegrationTest(properties = {
        "spring.application.name=alert-router-secrets",
        "wedops.alert.dispatch.first-retry=100ms", "wedops.alert.dispatch.interval=100ms",
        "wedops.alert.guard.timeout=2s", "wedops.alert.guard.retries=0", "wedops.alert.guard.minimum-calls=100"})
class SecretRedactionIT {

    private static final String SLACK_TOKEN_PATH = "/services/T0SECRET/B0SECRET/xoxSECRETTOKEN";
    private static final String PAGERDUTY_KEY = "R0UTINGKEY0SECRET0123456789";
    private static final ReceiverStandIn receivers = new ReceiverStandIn();
    private static final Path routingFile = writeRouting();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        // a loaded build machine can take seconds to answer; the default 5 s would fail the test, not the code
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) {
        registry.add("TEST_SLACK_WEBHOOK", () -> receivers.url(SLACK_TOKEN_PATH));
        registry.add("wedops.alert.routing.file", () -> "file:" + routingFile);
    }

    @AfterAll
    static void stopStandIns() {
        receivers.close();
    }

    @Test
    void aFailingReceiverLeavesNoSecretInTheRowTheTopicTheApiOrTheLog(CapturedOutput log) {
        receivers.answer(SLACK_TOKEN_PATH, 500);
        receivers.answer("/pagerduty", 404);
        String service = "leaky-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = Alert.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                .setFingerprint(service + "-down").setName("CheckoutDown").setStatus(AlertStatus.FIRING).setSeverity(Severity.CRITICAL)
                .setService(service).setRegion("uk").setSummary("checkout down").setSource("test")
                .setStartsAt(now).setEndsAt(null).setLabels(Map.of())
                .build();

        try (TopicProbe<SpecificRecord> outcomes = TopicProbe.events(Topics.NOTIFICATIONS)) {
            TestEvents.send(Topics.ALERTS, alert.getFingerprint(), alert);

            // the stand-ins were reached with the real secrets: the secrets are used, only never shown
            await().untilAsserted(() -> assertThat(receivers.received(SLACK_TOKEN_PATH, service)).isNotEmpty());
            await().untilAsserted(() -> assertThat(receivers.received("/pagerduty", PAGERDUTY_KEY)).isNotEmpty());

            NotificationOutcome slack = outcomes.awaitEvent(NotificationOutcome.class,
                    o -> o.getAlertName().contains(service) && o.getChannel() == NotificationChannel.SLACK && o.getError() != null);
            NotificationOutcome pagerDuty = outcomes.awaitEvent(NotificationOutcome.class,
                    o -> o.getAlertName().contains(service) && o.getChannel() == NotificationChannel.PAGERDUTY && o.getError() != null);
            assertThat(slack.getError()).isEqualTo("HTTP 500 from " + host());
            assertThat(pagerDuty.getError()).isEqualTo("HTTP 404 from " + host());
            outcomes.seen(r -> r.value() instanceof NotificationOutcome o && o.getAlertName().contains(service))
                    .forEach(record -> assertNoSecret(record.value().toString()));
        }

        List<String> rows = db.sql("select n.last_error from notification n join notification_alert a on a.notification_id = n.id"
                        + " where a.fingerprint = :fingerprint and n.last_error is not null")
                .bind("fingerprint", alert.getFingerprint()).map((row, meta) -> row.get("last_error", String.class)).all().collectList().block();
        assertThat(rows).isNotEmpty().allSatisfy(SecretRedactionIT::assertNoSecret);

        String answer = web.get().uri("/api/alerts/" + alert.getFingerprint()).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).contains("HTTP 500 from " + host());
        assertNoSecret(answer);

        assertThat(log.getAll()).contains("HTTP 500 from " + host());
        assertNoSecret(log.getAll());
    }

    @Test
    void aViewerReadingTheRoutesSeesIntegrationsAndHostsButNoSecret() {
        String routes = web.get().uri("/api/alerts/routes").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(routes).contains("\"slack\":{\"url\":\"http://" + host() + "/[redacted]\"}", "\"routingKey\":\"[redacted]\"");
        assertNoSecret(routes);
    }

    @Test
    void aRoutingReloadIsAuditedWithTheAdminWhoAskedForIt() {
        web.post().uri("/api/alerts/routes/reload?reason=rotated the Slack webhook")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange().expectStatus().isOk();
        web.post().uri("/api/alerts/routes/reload").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange().expectStatus().isForbidden();

        web.get().uri("/api/audit?action=routing.reload").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[0].actor").isEqualTo("test-user")
                .jsonPath("$.entries[0].reason").isEqualTo("rotated the Slack webhook")
                .jsonPath("$.entries[0].outcome").isEqualTo("UNCHANGED");
        web.get().uri("/api/audit").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange().expectStatus().isForbidden();
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain("T0SECRET", "B0SECRET", "xoxSECRETTOKEN", "/services/", PAGERDUTY_KEY);
    }

    private static String host() {
        return receivers.url("").substring("http://".length());
    }

    private static Path writeRouting() {
        try {
            Path key = Files.createTempFile("pagerduty-key", ".txt");
            Files.writeString(key, PAGERDUTY_KEY + "\n");
            Path file = Files.createTempFile("alert-routing", ".yml");
            Files.writeString(file, """
                    route:
                      receiver: oncall
                      group_by: [alertname, service, region]
                      group_wait: 0s
                      group_interval: 300ms
                      repeat_interval: 1h
                    receivers:
                      - name: oncall
                        slack: {url: "${TEST_SLACK_WEBHOOK}"}
                        pagerduty: {routing_key_file: "%s", url: "%s"}
                    """.formatted(key, receivers.url("/pagerduty")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
