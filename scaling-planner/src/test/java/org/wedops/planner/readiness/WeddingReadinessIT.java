package org.wedops.planner.readiness;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class WeddingReadinessIT {

    @Autowired
    MutableClock clock;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void aRegionIsNotReadyForItsWeddingsWhileATargetIsUnhealthyOrADeploymentIsOnItsWay() {
        Instant now = Instant.parse("2026-09-05T08:00:00Z");
        clock.set(now);
        String region = PlannerEvents.uniqueId("it-ready");
        String wedding = PlannerEvents.uniqueId("w");
        String target = PlannerEvents.uniqueId("venue-wifi");
        String deployment = UUID.randomUUID().toString();
        TestEvents.send(Topics.WEDDINGS, wedding, PlannerEvents.wedding(wedding, region, "Europe/London", "2026-09-05", "13:00", "23:00", "GREEK", 250, 1));
        TestEvents.send(Topics.HEALTH, target, health(target, region, HealthStatus.CRITICAL, now));
        TestEvents.send(Topics.DEPLOYMENTS, "crm", deployment(deployment, region, DeploymentPhase.ROLLING_OUT, now));
        await().until(() -> count("select count(*) from deployment_status where deployment_id = '" + deployment + "'") == 1
                && count("select count(*) from target_health where target_id = '" + target + "'") == 1
                && count("select count(*) from wedding where id = '" + wedding + "'") == 1);

        web.get().uri("/api/infrastructure/health/wedding-readiness?date=2026-09-05")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ready").isEqualTo(false)
                .jsonPath("$.regions[?(@.region == '" + region + "')].weddings[0]").isEqualTo(wedding)
                .jsonPath("$.regions[?(@.region == '" + region + "')].windowFrom").isEqualTo("2026-09-05T10:00:00Z")
                .jsonPath("$.regions[?(@.region == '" + region + "')].unhealthyTargets[0].targetId").isEqualTo(target)
                .jsonPath("$.regions[?(@.region == '" + region + "')].pendingDeployments[0].phase").isEqualTo("ROLLING_OUT")
                .jsonPath("$.regions[?(@.region == '" + region + "')].ready").isEqualTo(false);

        TestEvents.send(Topics.HEALTH, target, health(target, region, HealthStatus.HEALTHY, now.plusSeconds(10)));
        TestEvents.send(Topics.DEPLOYMENTS, "crm", deployment(deployment, region, DeploymentPhase.SUCCEEDED, now.plusSeconds(10)));
        await().until(() -> count("select count(*) from deployment_status where deployment_id = '" + deployment + "' and phase = 'SUCCEEDED'") == 1
                && count("select count(*) from target_health where target_id = '" + target + "' and status = 'HEALTHY'") == 1);

        web.get().uri("/api/infrastructure/health/wedding-readiness?date=2026-09-05")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.regions[?(@.region == '" + region + "')].ready").isEqualTo(true)
                .jsonPath("$.regions[?(@.region == '" + region + "')].problems.length()").isEqualTo(0);
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
    }

    private static ContainerHealthReported health(String target, String region, HealthStatus status, Instant at) {
        return ContainerHealthReported.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setTargetId(target).setService("venue").setRegion(region).setSource(HealthSource.HTTP).setStatus(status)
                .setReasons(status == HealthStatus.HEALTHY ? List.of() : List.of("HTTP 503"))
                .build();
    }

    private static DeploymentEvent deployment(String id, String region, DeploymentPhase phase, Instant at) {
        return DeploymentEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setDeploymentId(id).setService("crm").setEnvironment("prod").setRegion(region).setVersion("1.4.2")
                .setPhase(phase).setRequestedBy("ci").build();
    }
}
