package org.wedops.planner.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Topics;
import org.wedops.events.WeddingScheduled;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class WeddingApiIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @Test
    void aWeddingPostedThroughTheApiIsPublishedStoredAndAuditedAndAPutReplacesIt() {
        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        String id = PlannerEvents.uniqueId("w");
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "date", "2026-06-06", "startTime", "14:00", "endTime", "23:30",
                "region", "uk", "culture", "indian", "guestCount", 600, "days", 3, "venueType", "PALACE"));

        try (TopicProbe<SpecificRecord> weddings = TopicProbe.events(Topics.WEDDINGS)) {
            web.post().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).bodyValue(body)
                    .exchange().expectStatus().isCreated()
                    .expectHeader().location("/api/weddings/" + id)
                    .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.culture").isEqualTo("INDIAN")
                    .jsonPath("$.timeZone").isEqualTo("Europe/London");
            WeddingScheduled published = weddings.awaitEvent(WeddingScheduled.class, w -> w.getWeddingId().equals(id));
            assertThat(published.getGuestCount()).isEqualTo(600);
            assertThat(published.getEndTime()).isEqualTo("23:30");
        }

        body.put("guestCount", 450);
        web.put().uri("/api/weddings/{id}", id).headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.guestCount").isEqualTo(450);
        assertThat(db.sql("select action from audit_log where target = :id order by id").bind("id", id)
                .map(r -> r.get(0, String.class)).all().collectList().block())
                .containsExactly("wedding.schedule", "wedding.reschedule");
    }

    @Test
    void aTimeZoneAloneFindsItsRegion() {
        String id = PlannerEvents.uniqueId("w");
        web.post().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("id", id, "date", "2026-11-20", "startTime", "18:00", "endTime", "02:00", "timeZone", "Asia/Kolkata",
                        "culture", "INDIAN", "guestCount", 900, "days", 5))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.region").isEqualTo("in").jsonPath("$.days").isEqualTo(5);
    }

    @Test
    void anInvalidWeddingIsRefusedFieldByFieldAndNothingIsWritten() {
        String id = PlannerEvents.uniqueId("w");
        web.post().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("id", id, "date", "06/06/2026", "startTime", "2pm", "endTime", "23:30", "culture", "INDIAN",
                        "guestCount", 6000, "days", 9))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .isEqualTo("[\"date\",\"startTime\",\"region\",\"guestCount\",\"days\"]"));
        web.post().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .bodyValue(Map.of("id", id)).exchange().expectStatus().isForbidden();
        web.delete().uri("/api/weddings/{id}", id).headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange().expectStatus().isNotFound();
        assertThat(db.sql("select count(*) from wedding where id = :id").bind("id", id).map(r -> r.get(0, Long.class)).one().block()).isZero();
    }
}
