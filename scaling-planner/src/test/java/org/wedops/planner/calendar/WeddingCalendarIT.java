package org.wedops.planner.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Topics;
import org.wedops.events.WeddingCancelled;
import org.wedops.events.WeddingScheduled;
import org.wedops.testsupport.ConsumerProgress;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.planner.PlannerIntegrationTest;

@PlannerIntegrationTest
class WeddingCalendarIT {

    private static final String GROUP = "scaling-planner-wedding-calendar";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Test
    void scheduledWeddingIsStoredInItsRegionsTimeZoneAndListedInTheCalendar() {
        String id = uniqueId();
        TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "2026-06-06", 600, Instant.now()));

        Map<String, Object> row = awaitWedding(id);
        assertThat(row).containsEntry("status", "SCHEDULED").containsEntry("time_zone", "Europe/London")
                .containsEntry("culture", "INDIAN").containsEntry("guest_count", 600).containsEntry("days", 3);

        web.get().uri("/api/weddings?from=2026-06-07&to=2026-06-07&region=uk")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].startTime").isEqualTo("14:00")
                .jsonPath("$[?(@.id == '" + id + "')].timeZone").isEqualTo("Europe/London")
                .jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo("SCHEDULED");
        web.get().uri("/api/weddings?from=2026-06-09&to=2026-06-30&region=uk")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void theSameEventTwiceStoresTheWeddingOnceAndChangesNothing() {
        String id = uniqueId();
        WeddingScheduled event = scheduled(id, "2026-07-04", 150, Instant.now());
        TestEvents.send(Topics.WEDDINGS, id, event);
        Map<String, Object> first = awaitWedding(id);

        ConsumerProgress.awaitConsumed(GROUP, TestEvents.send(Topics.WEDDINGS, id, event));

        assertThat(db.sql("select count(*) from wedding where id = :id").bind("id", id)
                .map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1L);
        assertThat(wedding(id)).isEqualTo(first);
    }

    @Test
    void anOlderScheduleArrivingAfterANewerOneDoesNotOverwriteIt() {
        String id = uniqueId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WeddingScheduled newer = scheduled(id, "2026-08-01", 300, now);
        TestEvents.send(Topics.WEDDINGS, id, newer);
        awaitWedding(id);

        ConsumerProgress.awaitConsumed(GROUP, TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "2026-08-02", 100, now.minusSeconds(3600))));

        assertThat(wedding(id)).containsEntry("guest_count", 300).containsEntry("date", LocalDate.parse("2026-08-01"))
                .containsEntry("last_event_id", UUID.fromString(newer.getEventId()));
    }

    @Test
    void cancellationMarksTheWeddingCancelledAndAnOlderScheduleCannotReviveIt() {
        String id = uniqueId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "2026-09-12", 200, now.minusSeconds(60)));
        awaitWedding(id);

        TestEvents.send(Topics.WEDDINGS, id, cancelled(id, "venue flooded", now));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(wedding(id).get("status")));
        assertThat(wedding(id)).containsEntry("cancel_reason", "venue flooded").containsEntry("guest_count", 200);

        ConsumerProgress.awaitConsumed(GROUP, TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "2026-09-12", 250, now.minusSeconds(30))));
        assertThat(wedding(id)).containsEntry("status", "CANCELLED").containsEntry("guest_count", 200);
    }

    @Test
    void aCancellationArrivingBeforeItsWeddingKeepsTheWeddingCancelled() {
        String id = uniqueId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.send(Topics.WEDDINGS, id, cancelled(id, null, now));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(wedding(id).get("status")));

        ConsumerProgress.awaitConsumed(GROUP, TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "2026-10-10", 80, now.minusSeconds(600))));

        assertThat(wedding(id)).containsEntry("status", "CANCELLED");
        assertThat(wedding(id).get("date")).isNull();
    }

    @Test
    void aWeddingWithAnUnreadableDateGoesToTheDeadLetterTopicAndIsNotStored() {
        String id = uniqueId();
        TestEvents.send(Topics.WEDDINGS, id, scheduled(id, "06/06/2026", 100, Instant.now()));

        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(Topics.WEDDINGS))) {
            var dead = deadLetters.await(r -> id.equals(r.key()));
            assertThat(new String(dead.headers().lastHeader("wedops_dlt-reason").value(), StandardCharsets.UTF_8))
                    .contains("06/06/2026");
        }
        assertThat(wedding(id)).isEmpty();
    }

    @Test
    void aCalendarQueryEndingBeforeItStartsIsRefusedWithTheField() {
        web.get().uri("/api/weddings?from=2026-06-10&to=2026-06-01")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        web.get().uri("/api/weddings?from=next-saturday")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        web.get().uri("/api/weddings").exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> awaitWedding(String id) {
        return await().atMost(WAIT).until(() -> wedding(id), row -> !row.isEmpty());
    }

    private Map<String, Object> wedding(String id) {
        return db.sql("select * from wedding where id = :id").bind("id", id).fetch().one().blockOptional().orElse(Map.of());
    }

    private static String uniqueId() {
        return "w-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static WeddingScheduled scheduled(String id, String date, int guests, Instant occurredAt) {
        return WeddingScheduled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt)
                .setWeddingId(id).setDate(date).setStartTime("14:00").setEndTime("23:30")
                .setRegion("uk").setCulture("INDIAN").setGuestCount(guests).setDays(3).setVenueType("PALACE")
                .build();
    }

    private static WeddingCancelled cancelled(String id, String reason, Instant occurredAt) {
        return WeddingCancelled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt)
                .setWeddingId(id).setReason(reason).build();
    }
}
