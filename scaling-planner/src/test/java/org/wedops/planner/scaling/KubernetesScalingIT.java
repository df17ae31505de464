package org.wedops.planner.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wedops.planner.PlannerIntegrationTest.REGION;
import static org.wedops.planner.PlannerIntegrationTest.SERVICE;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ScalingDecision;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.planner.TestDeployments;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.MutableClock;

/**
 * From a wedding on the topic to scale calls the fabric8 mock server sees, for the managed service of region it-k8s.
 * Each test moves the clock to its own week, so their weddings and stabilisation histories do not meet.
 */
@PlannerIntegrationTest
class KubernetesScalingIT {

    @Autowired
    MutableClock clock;

    @Autowired
    KubernetesClient kubernetes;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void deploymentAtItsNormalReplicas() {
        // winter first: with the clock another test left in peak season, the running loop would scale the reset deployment to 25
        clock.set(Instant.parse("2026-02-11T09:00:00Z"));
        db.sql("delete from manual_override").fetch().rowsUpdated().block();
        db.sql("delete from wedding where region = :region").bind("region", REGION).fetch().rowsUpdated().block();
        TestDeployments.reset(kubernetes, 10);
    }

    @Test
    void aWeddingOnTheTopicPreScalesTheDeploymentBeforeItsCeremonyAndNeverScalesDownInsideTheWindow() {
        clock.set(Instant.parse("2026-02-11T09:00:00Z")); // Wednesday, outside peak season
        String culture = "IT_" + PlannerEvents.uniqueId("C").substring(2).toUpperCase().replace('-', '_');
        String id = PlannerEvents.uniqueId("w");

        try (TopicProbe<SpecificRecord> protection = TopicProbe.events(Topics.PROTECTION);
             TopicProbe<SpecificRecord> scaling = TopicProbe.events(Topics.SCALING)) {
            // an unknown culture weighs as OTHER (1.0): 600 guests make a load of 6, HIGH from 12:00
            TestEvents.send(Topics.WEDDINGS, id, PlannerEvents.wedding(id, REGION, "Europe/London", "2026-02-11", "12:00", "18:00", culture, 600, 1));
            // consumed once the region's next change is the wedding's window, 12:00 - 2 h
            protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(REGION)
                    && Instant.parse("2026-02-11T10:00:00Z").equals(s.getNextChangeAt()));

            clock.set(Instant.parse("2026-02-11T10:30:00Z")); // within the 2 h lead time of the ceremony
            ScalingDecision preScale = scaling.awaitEvent(ScalingDecision.class,
                    d -> d.getService().equals(SERVICE) && d.getToReplicas() == 35 && d.getOccurredAt().equals(clock.instant()));
            assertThat(preScale.getFromReplicas()).isEqualTo(10);
            assertThat(preScale.getApplied()).isTrue();
            assertThat(preScale.getRegion()).isEqualTo(REGION);
            assertThat(preScale.getReason()).startsWith("pre-scale for HIGH from 2026-02-11T12:00:00Z");
            assertThat(preScale.getInputs()).containsEntry("floorLevel", "HIGH").containsEntry("protectedFloor", "35");
            await().untilAsserted(() -> assertThat(replicas()).isEqualTo(35));

            clock.set(Instant.parse("2026-02-11T12:30:00Z")); // in progress; now the culture turns out lighter
            web.put().uri("/api/infrastructure/culture-factors/{c}", culture)
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                    .bodyValue(Map.of("factor", 0.5, "reason", "smaller guest app usage than expected"))
                    .exchange().expectStatus().isOk();
            ProtectionState lighter = protection.awaitEvent(ProtectionState.class,
                    s -> s.getRegion().equals(REGION) && s.getWeddingActive() && s.getWeddingLoad() == 3.0);
            assertThat(lighter.getLevel()).isEqualTo(ProtectionLevel.NORMAL);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(replicas()).isEqualTo(35));
            assertThat(scaling.seen(r -> r.value() instanceof ScalingDecision d && d.getService().equals(SERVICE)
                    && d.getOccurredAt().isAfter(Instant.parse("2026-02-11T10:30:00Z"))
                    && d.getOccurredAt().isBefore(Instant.parse("2026-02-12T00:00:00Z")))).isEmpty();

            web.delete().uri("/api/weddings/{id}?reason=called off", id)
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                    .exchange().expectStatus().isNoContent();
            protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(REGION) && !s.getFreezeActive()
                    && s.getOccurredAt().equals(clock.instant()));
            // outside any window now, but the scale-down waits for the stabilisation window (15 min)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(replicas()).isEqualTo(35));

            clock.advance(Duration.ofMinutes(16));
            ScalingDecision down = scaling.awaitEvent(ScalingDecision.class,
                    d -> d.getService().equals(SERVICE) && d.getToReplicas() == 10 && d.getOccurredAt().equals(clock.instant()));
            assertThat(down.getFromReplicas()).isEqualTo(35);
            assertThat(down.getReason()).startsWith("scale down");
            await().untilAsserted(() -> assertThat(replicas()).isEqualTo(10));
        }
        assertThat(db.sql("select count(*) from scaling_decision where service = :s and decided_at >= '2026-02-11' and decided_at < '2026-02-12'")
                .bind("s", SERVICE).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(2L);
    }

    @Test
    void manualScalingBelowTheProtectedFloorIsRefusedUnlessAnAdminDeclaresAnEmergency() {
        clock.set(Instant.parse("2026-02-18T13:00:00Z")); // a wedding in progress: floor HIGH, 35
        String id = PlannerEvents.uniqueId("w");
        try (TopicProbe<SpecificRecord> scaling = TopicProbe.events(Topics.SCALING)) {
            TestEvents.send(Topics.WEDDINGS, id, PlannerEvents.wedding(id, REGION, "Europe/London", "2026-02-18", "12:00", "18:00", "INDIAN", 300, 1));
            scaling.awaitEvent(ScalingDecision.class, d -> d.getService().equals(SERVICE) && d.getToReplicas() == 35
                    && d.getOccurredAt().equals(clock.instant()));
        }
        await().untilAsserted(() -> assertThat(replicas()).isEqualTo(35));

        web.post().uri("/api/infrastructure/scaling/manual")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("service", SERVICE, "replicas", 5, "reason", "save money"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.protectedFloor").isEqualTo(35);
        web.post().uri("/api/infrastructure/scaling/manual")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("service", SERVICE, "replicas", 5, "reason", "runaway pods", "emergency", true))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/infrastructure/scaling/manual")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("service", "no-such-service", "replicas", 500))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("service").jsonPath("$.errors[1].field").isEqualTo("reason");
        assertThat(replicas()).isEqualTo(35);

        web.post().uri("/api/infrastructure/scaling/manual")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .bodyValue(Map.of("service", SERVICE, "replicas", 5, "reason", "runaway pods exhaust the database", "emergency", true))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.fromReplicas").isEqualTo(35).jsonPath("$.toReplicas").isEqualTo(5).jsonPath("$.applied").isEqualTo(true);
        assertThat(replicas()).isEqualTo(5);
        // the automatic decisions leave a manual count alone while it holds
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(replicas()).isEqualTo(5));
        assertThat(db.sql("select outcome from audit_log where target = :s and action = 'scaling.manual' order by id desc limit 1")
                .bind("s", SERVICE).map(r -> r.get(0, String.class)).one().block()).isEqualTo("REFUSED: below the protected floor 35");
    }

    private int replicas() {
        return TestDeployments.replicas(kubernetes);
    }
}
