package org.wedops.planner.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class EmergencyIT {

    @Autowired
    MutableClock clock;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void anAdminWithAReasonDeclaresAndEndsAnEmergencyWhichIsPublishedAuditedAndAnnounced() {
        clock.set(Instant.parse("2026-02-11T10:00:00Z"));
        String region = PlannerEvents.uniqueId("it-emergency");

        try (TopicProbe<SpecificRecord> protection = TopicProbe.events(Topics.PROTECTION);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            web.post().uri("/api/infrastructure/emergency/activate")
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                    .bodyValue(Map.of("region", region, "reason", "payment provider outage"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.regions[0]").isEqualTo(region).jsonPath("$.by").isEqualTo("test-user");

            ProtectionState emergency = protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(region) && s.getEmergency());
            assertThat(emergency.getLevel()).isEqualTo(ProtectionLevel.EMERGENCY);
            assertThat(emergency.getFreezeActive()).isTrue();
            assertThat(emergency.getReasons()).first().asString().isEqualTo("emergency: payment provider outage (declared by test-user)");
            Alert declared = alerts.awaitEvent(Alert.class, a -> a.getFingerprint().equals("scaling-planner-emergency-" + region)
                    && a.getStatus() == AlertStatus.FIRING);
            assertThat(declared.getSeverity()).isEqualTo(Severity.CRITICAL);

            web.post().uri("/api/infrastructure/emergency/deactivate")
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                    .bodyValue(Map.of("region", region, "reason", "provider recovered"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.regions[0]").isEqualTo(region);

            ProtectionState ended = protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(region) && !s.getEmergency());
            assertThat(ended.getLevel()).isEqualTo(ProtectionLevel.NORMAL);
            assertThat(ended.getFreezeActive()).isFalse();
            alerts.awaitEvent(Alert.class, a -> a.getFingerprint().equals("scaling-planner-emergency-" + region)
                    && a.getStatus() == AlertStatus.RESOLVED);
        }

        assertThat(db.sql("select actor, action, reason, outcome from audit_log where target = :region order by id")
                .bind("region", region).fetch().all().collectList().block())
                .containsExactly(
                        Map.of("actor", "test-user", "action", "emergency.activate", "reason", "payment provider outage", "outcome", "ACTIVE"),
                        Map.of("actor", "test-user", "action", "emergency.deactivate", "reason", "provider recovered", "outcome", "ENDED"));
    }

    @Test
    void onlyAnAdminWithAWrittenReasonMayDeclareAnEmergency() {
        web.post().uri("/api/infrastructure/emergency/activate")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("region", "it-nobody", "reason", "I think so"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/infrastructure/emergency/activate")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .bodyValue(Map.of("region", "it-nobody", "reason", "  "))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.post().uri("/api/infrastructure/emergency/deactivate")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .bodyValue(Map.of("region", "it-nobody"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(db.sql("select count(*) from emergency where region = 'it-nobody'").map(r -> r.get(0, Long.class)).one().block())
                .isZero();
    }
}
