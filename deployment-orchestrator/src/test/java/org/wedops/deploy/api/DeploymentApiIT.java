package org.wedops.deploy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.freezeRegion;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.request;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployFixtures;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.events.Alert;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;

/** The deployment API's answers: 202, 423 with the freeze's end, emergency override, 409, idempotency, promotion, validation. */
@DeployIntegrationTest
class DeploymentApiIT {

    private static final Instant SATURDAY = Instant.parse("2026-06-06T13:00:00Z");     // 14:00 in London, a wedding Saturday
    private static final Instant MONDAY_OPEN = Instant.parse("2026-06-08T05:00:00Z");  // 06:00 in London

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void deployOnAFrozenSaturdayIsRefusedWithTheWindowsEnd() {
        clock.set(SATURDAY);
        String region = unique("frozen");
        String environment = unique("staging");
        freezeRegion(web, region, clock.instant(), MONDAY_OPEN, "weekend freeze");

        request(web, "OPERATOR", Map.of("service", "it-cmd", "environment", environment, "region", region, "version", "1.0.0"))
                .expectStatus().isEqualTo(423)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(423)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("weekend freeze"))
                .jsonPath("$.freezeUntil").isEqualTo(MONDAY_OPEN.toString())
                .jsonPath("$.nextOpenAt").isEqualTo(MONDAY_OPEN.toString());

        web.get().uri("/api/admin/infrastructure/deployments/gate?service=it-cmd&environment=" + environment + "&region=" + region)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.allowed").isEqualTo(false)
                .jsonPath("$.nextOpenAt").isEqualTo(MONDAY_OPEN.toString())
                .jsonPath("$.reason").value(reason -> assertThat((String) reason).contains("weekend freeze"));
        assertThat(count("select count(*) from deployment where region = '" + region + "'")).isZero();
        assertThat(count("select count(*) from audit_log where action = 'deployment.request' and target like 'it-cmd/" + environment
                + "/%' and outcome like 'LOCKED: weekend freeze%'")).isEqualTo(1);
    }

    @Test
    void emergencyOverrideGoesThroughTheFreezeAndIsAnnouncedAsAHighAlert() {
        clock.set(SATURDAY);
        String region = unique("frozen");
        String environment = unique("staging");
        freezeRegion(web, region, clock.instant(), MONDAY_OPEN, "weekend freeze");
        Map<String, Object> emergency = Map.of("service", "it-cmd", "environment", environment, "region", region, "version", "1.0.1",
                "emergency", true, "reason", "payment webhooks failing for every vendor");

        request(web, "OPERATOR", emergency).expectStatus().isForbidden();
        request(web, "ADMIN", Map.of("service", "it-cmd", "environment", environment, "region", region, "version", "1.0.1", "emergency", true))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS);
             TopicProbe<SpecificRecord> deployments = TopicProbe.events(Topics.DEPLOYMENTS)) {
            Map<?, ?> accepted = request(web, "ADMIN", emergency).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
            UUID id = UUID.fromString((String) accepted.get("id"));

            Alert alert = alerts.awaitEvent(Alert.class, a -> id.toString().equals(a.getLabels().get("deploymentId")));
            assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(alert.getName()).isEqualTo("DeploymentEmergencyOverride");
            assertThat(alert.getSummary()).contains("payment webhooks failing for every vendor");
            assertThat(alert.getEndsAt()).isAfter(clock.instant());
            // inside the freeze a version passes only on data: healthy traffic while it is verified
            awaitPhase(db, id, "VERIFYING");
            TestEvents.send(Topics.APM_WINDOWS, "it-cmd|checkout",
                    DeployFixtures.apmWindow("it-cmd", environment, region, clock.instant().plusMillis(500), 50, 60));
            awaitPhase(db, id, "SUCCEEDED");
            assertThat(deployments.awaitEvent(DeploymentEvent.class, e -> e.getDeploymentId().equals(id.toString())
                    && e.getPhase() == DeploymentPhase.SUCCEEDED).getEmergency()).isTrue();
        }
        assertThat(count("select count(*) from audit_log where action = 'deployment.emergency-override' and target like 'it-cmd/"
                + environment + "/%' and reason = 'payment webhooks failing for every vendor'")).isEqualTo(1);
    }

    @Test
    void aSecondDeploymentWhileOneIsActiveIsAConflictAndARepeatedIdempotencyKeyAnswersTheFirst() {
        String region = unique("open");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        Map<String, Object> body = Map.of("service", "it-cmd", "environment", environment, "region", region, "version", "1.0.0");
        String key = UUID.randomUUID().toString();

        String first = (String) post(body, key).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String again = (String) post(body, key).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(again).isEqualTo(first);

        request(web, "OPERATOR", Map.of("service", "it-cmd", "environment", environment, "region", region, "version", "1.0.1"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.activeDeploymentId").isEqualTo(first);
        assertThat(count("select count(*) from deployment where environment = '" + environment + "'")).isEqualTo(1);
        awaitPhase(db, UUID.fromString(first), "SUCCEEDED");
    }

    @Test
    void prodAcceptsOnlyAVersionThatSucceededInStaging() {
        String region = unique("promote");
        openRegion(web, region, clock.instant());
        String version = unique("v");

        request(web, "OPERATOR", Map.of("service", "it-mig", "environment", "prod", "region", region, "version", version))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("has not SUCCEEDED in staging"));

        UUID staging = requestAccepted(web, "it-mig", "staging", region, version);
        awaitPhase(db, staging, "SUCCEEDED");
        UUID prod = requestAccepted(web, "it-mig", "prod", region, version);
        awaitPhase(db, prod, "SUCCEEDED");
    }

    @Test
    void aDeploymentIsListedAndShownWithItsPhasesTimingsWhoAndWhy() {
        String region = unique("open");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        UUID id = requestAccepted(web, "it-cmd", environment, region, "4.2.0");
        awaitPhase(db, id, "SUCCEEDED");

        web.get().uri("/api/admin/infrastructure/deployments/" + id).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.phase").isEqualTo("SUCCEEDED")
                .jsonPath("$.requestedBy").isEqualTo("test-user")
                .jsonPath("$.phases.length()").isEqualTo(4)
                .jsonPath("$.phases[0].phase").isEqualTo("REQUESTED")
                .jsonPath("$.phases[2].phase").isEqualTo("VERIFYING")
                .jsonPath("$.phases[2].durationMs").value(ms -> assertThat(((Number) ms).longValue()).isGreaterThanOrEqualTo(3000))
                .jsonPath("$.phases[3].detail").value(Matchers.allOf(
                        Matchers.startsWith("insufficient data: 0 requests < minimum 20 after "),
                        Matchers.endsWith("; policy pass outside protected windows: unverified")));
        web.get().uri("/api/admin/infrastructure/deployments?service=it-cmd&environment=" + environment + "&phase=SUCCEEDED")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(id.toString())
                .jsonPath("$[0].version").isEqualTo("4.2.0");
        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
    }

    @Test
    void aManualRollbackOfTheLatestSucceededDeploymentReturnsToThePreviousVersion() {
        String region = unique("manual");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        awaitPhase(db, requestAccepted(web, "it-cmd", environment, region, "1.0.0"), "SUCCEEDED");
        UUID second = requestAccepted(web, "it-cmd", environment, region, "1.1.0");
        awaitPhase(db, second, "SUCCEEDED");

        web.put().uri("/api/admin/infrastructure/deployments/" + second + "/rollback")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("reason", "vendors report slow invoices")).exchange().expectStatus().isAccepted();
        awaitPhase(db, second, "ROLLED_BACK");

        assertThat(phaseNames(db, second)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(count("select count(*) from audit_log where action = 'deployment.rollback' and target = '" + second + "'")).isEqualTo(1);
    }

    @Test
    void badRequestsNameTheirWrongFields() {
        request(web, "OPERATOR", Map.of("service", "nope", "environment", "Prod!", "region", "uk", "version", "1.0.0 && rm -rf"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'service')]").exists()
                .jsonPath("$.errors[?(@.field == 'environment')]").exists()
                .jsonPath("$.errors[?(@.field == 'version')]").exists()
                .jsonPath("$.errors[?(@.field == 'region')]").doesNotExist();
        request(web, "VIEWER", Map.of("service", "it-cmd", "environment", "staging", "region", "uk", "version", "1.0.0"))
                .expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body, String key) {
        return web.post().uri("/api/admin/infrastructure/deployments")
                .headers(h -> {
                    h.setBearerAuth(TestTokens.withRoles("OPERATOR"));
                    h.set("Idempotency-Key", key);
                })
                .bodyValue(body).exchange();
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
    }
}
