package org.wedops.apm.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ModelObservation;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

import reactor.core.publisher.Flux;

/** A model whose scores shift and whose accuracy drops, judged against the same hours a week earlier. */
@WedopsIntegrationTest
class ModelMonitoringIT {

    private final Random random = new Random(11);

    @Autowired
    ModelObservationStore store;

    @Autowired
    ModelAlerts alerts;

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Test
    void aDriftingLessAccurateModelIsReportedAndAlertedOnceAndResolvedWhenItRecovers() {
        String model = "venue-match-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        // last week's same hours: scores around 0.5; today: around 0.7, right 95 % of the time on high budgets, 60 % on low
        observe(model, now.minus(Duration.ofDays(7)).minus(Duration.ofHours(12)), 600, 0.5, 1.0, 1.0);
        observe(model, now.minus(Duration.ofHours(12)), 600, 0.7, 0.95, 0.6);

        web.get().uri("/api/apm/models/" + model).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reference").isEqualTo("SAME_WEEKDAY")
                .jsonPath("$.drift.verdict").isEqualTo("ALERT")
                .jsonPath("$.drift.observations").isEqualTo(600)
                .jsonPath("$.drift.referenceObservations").isEqualTo(600)
                .jsonPath("$.drift.psi").value(psi -> assertThat(((Number) psi).doubleValue()).isGreaterThan(0.2))
                .jsonPath("$.accuracy.verdict").isEqualTo("ALERT")
                .jsonPath("$.accuracy.accuracy").value(accuracy -> assertThat(((Number) accuracy).doubleValue()).isBetween(0.70, 0.85))
                .jsonPath("$.segments[?(@.segment == 'budgetBand')].verdict").isEqualTo("ALERT")
                .jsonPath("$.segments[?(@.segment == 'region')].verdict").isEqualTo("INSUFFICIENT_DATA");

        try (TopicProbe<SpecificRecord> topic = TopicProbe.events(Topics.ALERTS)) {
            alerts.evaluateAll().block(Duration.ofSeconds(30));
            Alert drift = topic.awaitEvent(Alert.class, a -> model.equals(a.getLabels().get("model")) && a.getName().equals("ModelDrift"));
            assertThat(drift.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(drift.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(drift.getSummary()).contains("PSI", "against same weekday");
            Alert accuracy = topic.awaitEvent(Alert.class, a -> model.equals(a.getLabels().get("model")) && a.getName().equals("ModelAccuracyLow"));
            assertThat(accuracy.getStatus()).isEqualTo(AlertStatus.FIRING);
            Alert bias = topic.awaitEvent(Alert.class, a -> model.equals(a.getLabels().get("model")) && a.getName().equals("ModelSegmentBias"));
            assertThat(bias.getLabels()).containsEntry("segment", "budgetBand");
            assertThat(bias.getSummary()).contains("between values of budgetBand: [high ", ", low ");

            // judged again with nothing changed: nothing is told twice
            alerts.evaluateAll().block(Duration.ofSeconds(30));
            // the model is retrained: today's scores look like last week's again, and it is right again
            db.sql("delete from model_observation where model_id = :model and observed_at > :since").bind("model", model)
                    .bind("since", now.minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC)).fetch().rowsUpdated().block();
            observe(model, now.minus(Duration.ofHours(6)), 600, 0.5, 1.0, 1.0);
            alerts.evaluateAll().block(Duration.ofSeconds(30));

            Alert resolved = topic.awaitEvent(Alert.class, a -> model.equals(a.getLabels().get("model")) && a.getName().equals("ModelDrift")
                    && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(resolved.getFingerprint()).isEqualTo(drift.getFingerprint());
            topic.awaitEvent(Alert.class, a -> a.getFingerprint().equals(accuracy.getFingerprint()) && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(topic.seen(r -> r.value() instanceof Alert a && a.getFingerprint().equals(drift.getFingerprint())
                    && a.getStatus() == AlertStatus.FIRING)).hasSize(1);
        }
        assertThat(db.sql("select count(*) from apm_alert_state where subject = :model").bind("model", model)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void anUnknownModelIsNotFoundAndAnUnknownReferenceNamesTheParameter() {
        web.get().uri("/api/apm/models/never-seen").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/apm/models/never-seen?reference=LAST_BLUE_MOON").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reference");
    }

    /** {@code count} labelled predictions spread over the hour after {@code from}, half on each budget band. */
    private void observe(String model, Instant from, int count, double meanScore, double highBudgetAccuracy, double lowBudgetAccuracy) {
        Flux.range(0, count).concatMap(i -> {
            boolean high = i % 2 == 0;
            boolean right = random.nextDouble() < (high ? highBudgetAccuracy : lowBudgetAccuracy);
            return store.record(ModelObservation.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(from.plusSeconds(i * 3600L / count)).setModelId(model).setModelVersion("1")
                    .setScore(meanScore + 0.1 * random.nextGaussian()).setPredictedLabel("match").setActualLabel(right ? "match" : "no-match")
                    .setRegion("uk").setSegments(Map.of("budgetBand", high ? "high" : "low")).build());
        }).then().block(Duration.ofSeconds(60));
    }
}
