package org.wedops.deploy.targethealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.ConsumerProgress;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class TargetHealthIT {

    private static final String GROUP = "deployment-orchestrator-target-health";

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Test
    void theLatestCheckOfATargetIsKeptAndListed() {
        String target = uniqueTarget();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.send(Topics.HEALTH, target, check(target, HealthStatus.HEALTHY, List.of(), now.minusSeconds(20)));
        awaitStatus(target, "HEALTHY");

        TestEvents.send(Topics.HEALTH, target, check(target, HealthStatus.CRITICAL, List.of("HTTP 500"), now));
        awaitStatus(target, "CRITICAL");
        assertThat((String[]) health(target).get("reasons")).containsExactly("HTTP 500");

        web.get().uri("/api/admin/infrastructure/deployments/targets?service=crm")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.targetId == '" + target + "')].status").isEqualTo("CRITICAL")
                .jsonPath("$[?(@.targetId == '" + target + "')].reasons[0]").isEqualTo("HTTP 500")
                .jsonPath("$[?(@.targetId == '" + target + "')].stale").isEqualTo(false);
    }

    @Test
    void anOlderCheckArrivingAfterANewerOneDoesNotReplaceIt() {
        String target = uniqueTarget();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContainerHealthReported newer = check(target, HealthStatus.CRITICAL, List.of("timeout after 2000 ms"), now);
        TestEvents.send(Topics.HEALTH, target, newer);
        awaitStatus(target, "CRITICAL");

        ConsumerProgress.awaitConsumed(GROUP,
                TestEvents.send(Topics.HEALTH, target, check(target, HealthStatus.HEALTHY, List.of(), now.minusSeconds(10))));

        assertThat(health(target)).containsEntry("status", "CRITICAL")
                .containsEntry("event_id", UUID.fromString(newer.getEventId()));
    }

    @Test
    void theSameCheckTwiceLeavesOneUnchangedRow() {
        String target = uniqueTarget();
        ContainerHealthReported check = check(target, HealthStatus.DEGRADED, List.of("response 1500 ms > 1000 ms"), Instant.now());
        TestEvents.send(Topics.HEALTH, target, check);
        awaitStatus(target, "DEGRADED");
        Map<String, Object> first = health(target);

        ConsumerProgress.awaitConsumed(GROUP, TestEvents.send(Topics.HEALTH, target, check));

        assertThat(db.sql("select count(*) from target_health where target_id = :id").bind("id", target)
                .map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1L);
        assertThat(health(target).get("checked_at")).isEqualTo(first.get("checked_at"));
        assertThat(health(target).get("event_id")).isEqualTo(first.get("event_id"));
    }

    @Test
    void listingTargetHealthNeedsAToken() {
        web.get().uri("/api/admin/infrastructure/deployments/targets").exchange().expectStatus().isUnauthorized();
    }

    private void awaitStatus(String target, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(health(target).get("status")));
    }

    private Map<String, Object> health(String target) {
        return db.sql("select * from target_health where target_id = :id").bind("id", target).fetch().one()
                .blockOptional().orElse(Map.of());
    }

    private static String uniqueTarget() {
        return "crm-api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ContainerHealthReported check(String target, HealthStatus status, List<String> reasons, Instant checkedAt) {
        return ContainerHealthReported.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(checkedAt)
                .setTargetId(target).setService("crm").setRegion("uk")
                .setSource(HealthSource.HTTP).setStatus(status).setReasons(reasons)
                .build();
    }
}
