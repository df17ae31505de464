package org.wedops.planner.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class ProtectionPublishingIT {

    @Autowired
    MutableClock clock;

    @Autowired
    WebTestClient web;

    @Test
    void aWeddingOnTheTopicChangesTheRegionsProtectionAndTheClockCrossingItsWindowIsPublishedWithinASecond() {
        clock.set(Instant.parse("2026-06-03T10:00:00Z")); // a Wednesday in peak season, 11:00 BST
        String region = PlannerEvents.uniqueId("it-pub");
        String id = PlannerEvents.uniqueId("w");

        try (TopicProbe<SpecificRecord> protection = TopicProbe.events(Topics.PROTECTION)) {
            TestEvents.send(Topics.WEDDINGS, id, PlannerEvents.wedding(id, region, "Europe/London", "2026-06-03", "14:00", "18:00",
                    "INDIAN", 600, 1));

            ProtectionState before = protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(region));
            assertThat(before.getLevel()).isEqualTo(ProtectionLevel.NORMAL);
            assertThat(before.getFreezeActive()).isFalse();
            assertThat(before.getProfile()).isEqualTo(ThresholdProfile.PEAK_SEASON);
            assertThat(before.getTimeZone()).isEqualTo("Europe/London");
            assertThat(before.getNextChangeAt()).isEqualTo(Instant.parse("2026-06-03T11:00:00Z"));

            clock.set(Instant.parse("2026-06-03T13:30:00Z")); // 14:30 BST: the Indian wedding is in progress
            long movedAt = System.nanoTime();
            ProtectionState during = protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(region) && s.getWeddingActive());
            assertThat(Duration.ofNanos(System.nanoTime() - movedAt)).isLessThan(Duration.ofSeconds(3));
            assertThat(during.getLevel()).isEqualTo(ProtectionLevel.MAXIMUM); // 2.0 × 600/100 = 12 ≥ 10 in peak season
            assertThat(during.getWeddingLoad()).isEqualTo(12.0);
            assertThat(during.getActiveWeddings()).isEqualTo(1);
            assertThat(during.getFreezeActive()).isTrue();
            assertThat(during.getFreezeUntil()).isEqualTo(Instant.parse("2026-06-03T19:00:00Z"));
            assertThat(during.getProfile()).isEqualTo(ThresholdProfile.WEDDING_DAY);
            assertThat(during.getReasons()).contains("wedding " + id + " (INDIAN, 600 guests)");

            web.delete().uri("/api/weddings/{id}?reason=postponed", id)
                    .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                    .exchange().expectStatus().isNoContent();

            ProtectionState released = protection.awaitEvent(ProtectionState.class,
                    s -> s.getRegion().equals(region) && !s.getFreezeActive() && s.getOccurredAt().equals(clock.instant())
                            && !s.getWeddingActive());
            assertThat(released.getLevel()).isEqualTo(ProtectionLevel.NORMAL);
            assertThat(released.getReasons()).containsExactly("peak season");
        }
    }

    @Test
    void aStateIsPublishedOnlyWhenItChanges() {
        clock.set(Instant.parse("2026-02-10T10:00:00Z"));
        String quiet = PlannerEvents.uniqueId("it-quiet");
        String busy = PlannerEvents.uniqueId("it-busy");
        String first = PlannerEvents.uniqueId("w");
        String second = PlannerEvents.uniqueId("w");

        try (TopicProbe<SpecificRecord> protection = TopicProbe.events(Topics.PROTECTION)) {
            TestEvents.send(Topics.WEDDINGS, first, PlannerEvents.wedding(first, quiet, null, "2026-03-03", "14:00", "18:00", "BRITISH", 80, 1));
            protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(quiet));

            // a change elsewhere recomputes every region; the quiet one is not published again
            TestEvents.send(Topics.WEDDINGS, second, PlannerEvents.wedding(second, busy, null, "2026-02-10", "12:00", "15:00", "GREEK", 300, 1));
            protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(busy));
            clock.advance(Duration.ofMinutes(1));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(protection.seen(r -> quiet.equals(r.key()))).hasSize(1));
        }
    }

    @Test
    void statusAndWeddingLoadShowEachRegionsProtection() {
        clock.set(Instant.parse("2026-07-08T22:00:00Z")); // 18:00 in New York
        String region = PlannerEvents.uniqueId("it-status");
        String id = PlannerEvents.uniqueId("w");
        TestEvents.send(Topics.WEDDINGS, id, PlannerEvents.wedding(id, region, "America/New_York", "2026-07-08", "19:00", "02:00", "JEWISH", 400, 1));
        try (TopicProbe<SpecificRecord> protection = TopicProbe.events(Topics.PROTECTION)) {
            protection.awaitEvent(ProtectionState.class, s -> s.getRegion().equals(region));
        }

        web.get().uri("/api/infrastructure/saturday-protection/status?region={r}", region)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].region").isEqualTo(region)
                .jsonPath("$[0].level").isEqualTo("NORMAL")
                .jsonPath("$[0].freezeActive").isEqualTo(true)
                .jsonPath("$[0].freezeUntil").isEqualTo("2026-07-09T08:00:00Z")
                .jsonPath("$[0].reasons[0]").isEqualTo("wedding " + id + " (JEWISH, 400 guests)");

        web.get().uri("/api/infrastructure/metrics/wedding-load?date=2026-07-08&region={r}", region)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].timeZone").isEqualTo("America/New_York")
                .jsonPath("$[0].peakLoad").isEqualTo(5.2)
                .jsonPath("$[0].peakAt").isEqualTo("2026-07-08T23:00:00Z")
                .jsonPath("$[0].highestLevel").isEqualTo("HIGH");
    }
}
