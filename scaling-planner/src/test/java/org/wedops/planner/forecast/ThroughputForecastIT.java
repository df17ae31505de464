package org.wedops.planner.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.testsupport.ConsumerProgress;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class ThroughputForecastIT {

    private static final Duration WEEK = Duration.ofDays(7);

    @Autowired
    MutableClock clock;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void apmWindowsAreCountedOncePerHourAndForecastTheComingWeekendWithTheErrorOnPastWeeks() {
        Instant saturday = Instant.parse("2026-06-13T14:00:00Z");
        clock.set(saturday.minus(Duration.ofDays(3)));
        String service = PlannerEvents.uniqueId("it-fc");
        // Saturdays 14:00 of the last 4 weeks: 60, 120, 120, 120 requests per minute (one window each hour, 60× per window)
        long[] perMinute = {120, 120, 120, 60};
        for (int week = 1; week <= 4; week++) {
            Instant hour = saturday.minus(WEEK.multipliedBy(week));
            for (int minute = 0; minute < 60; minute += 30) {
                send(service, hour.plus(Duration.ofMinutes(minute)), perMinute[week - 1] * 30);
            }
        }
        // a replayed window counts once
        var last = send(service, saturday.minus(WEEK), perMinute[0] * 30);
        ConsumerProgress.awaitConsumed("scaling-planner-apm-windows", last);
        await().until(() -> hourly(service, saturday.minus(WEEK)) == 7200L);

        web.get().uri("/api/infrastructure/scaling/forecast?service={s}&region=uk&from=2026-06-13T13:00:00Z&hours=3", service)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.points.length()").isEqualTo(3)
                .jsonPath("$.points[1].hourStart").isEqualTo("2026-06-13T14:00:00Z")
                .jsonPath("$.points[1].requestsPerMinute").isEqualTo(105.0)
                .jsonPath("$.peak.hourStart").isEqualTo("2026-06-13T14:00:00Z")
                // last week's 14:00 came at 120/min; the 3 weeks before it forecast 100/min: 16.7 % off
                .jsonPath("$.pastWeeks[3].meanAbsolutePercentageError")
                .value(error -> assertThat(((Number) error).doubleValue()).isCloseTo(16.67, Offset.offset(0.01)))
                .jsonPath("$.pastWeeks[3].hours").isEqualTo(1);

        web.get().uri("/api/infrastructure/scaling/forecast?region=uk&hours=0")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("service");
    }

    private long hourly(String service, Instant hour) {
        return db.sql("select coalesce(sum(requests), 0) from apm_hourly where service = :s and hour_start = :h")
                .bind("s", service).bind("h", hour.atOffset(ZoneOffset.UTC))
                .map(r -> r.get(0, Number.class).longValue()).one().block();
    }

    private static RecordMetadata send(String service, Instant start, long requests) {
        String series = service + "|checkout|uk";
        ApmWindow window = ApmWindow.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(start.plus(Duration.ofMinutes(1)))
                .setSeriesKey(series).setKind(ApmSampleKind.HTTP).setService(service).setOperation("checkout").setRegion("uk")
                .setEnvironment("prod").setWindowStart(start).setWindowEnd(start.plus(Duration.ofMinutes(1)))
                .setCount(requests).setErrors(0).setSum(requests * 100.0).setMin(10).setMax(900)
                .setSketchType("ddsketch-0.01").setSketch(ByteBuffer.allocate(0))
                .build();
        return TestEvents.send(Topics.APM_WINDOWS, series, window);
    }
}
