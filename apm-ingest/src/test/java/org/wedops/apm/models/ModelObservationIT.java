package org.wedops.apm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.testsupport.ConsumerProgress;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest
class ModelObservationIT {

    @Autowired
    DatabaseClient db;

    @Test
    void anObservationDeliveredTwiceIsStoredOnceWithItsSegments() {
        String model = "venue-match-" + UUID.randomUUID().toString().substring(0, 8);
        Instant observedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ModelObservation observation = ModelObservation.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(observedAt)
                .setModelId(model).setModelVersion("3").setScore(0.87)
                .setPredictedLabel("match").setActualLabel(null).setRegion("uk")
                .setSegments(Map.of("budgetBand", "high"))
                .build();

        TestEvents.send(Topics.APM_MODELS, model, observation);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(model) == 1);
        ConsumerProgress.awaitConsumed("apm-ingest-model-observations", TestEvents.send(Topics.APM_MODELS, model, observation));

        assertThat(count(model)).isEqualTo(1);
        Map<String, Object> row = db.sql("""
                        select model_version, score, predicted_label, actual_label, region, segments ->> 'budgetBand' as budget_band,
                               observed_at = :observedAt as observed_at_kept
                        from model_observation where model_id = :model""")
                .bind("model", model).bind("observedAt", observedAt.atOffset(java.time.ZoneOffset.UTC))
                .fetch().one().block();
        assertThat(row).containsEntry("model_version", "3").containsEntry("score", 0.87)
                .containsEntry("predicted_label", "match").containsEntry("actual_label", null)
                .containsEntry("region", "uk").containsEntry("budget_band", "high").containsEntry("observed_at_kept", true);
    }

    private long count(String model) {
        return db.sql("select count(*) from model_observation where model_id = :model").bind("model", model)
                .map(r -> r.get(0, Long.class)).one().block();
    }
}
