package org.wedops.apm.models;

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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

import reactor.core.publisher.Flux;

/** {@code GET /api/apm/models}: every recently observed model with its status now, bounded, refusing absurd parameters by name. */
@WedopsIntegrationTest
class ModelListIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ModelObservationStore store;

    @Autowired
    WebTestClient web;

    /** The service's clock in this module's tests (test spring.properties, TestClock): "recent" and "ahead" are judged by it, not the wall clock. */
    @Autowired
    MutableClock clock;

    @Test
    void recentlyObservedModelsAreListedWithTheirDriftAccuracyAndLastObservation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String drifting = "venue-match-" + run;
        String steady = "guest-count-" + run;
        String fresh = "menu-pick-" + run;
        String silent = "old-model-" + run;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // last week's same hours against today: one model's scores moved, the other's did not
        observe(drifting, now.minus(Duration.ofDays(7)).minus(Duration.ofHours(3)), 150, 0.5);
        observe(drifting, now.minus(Duration.ofHours(3)), 150, 0.75);
        observe(steady, now.minus(Duration.ofDays(7)).minus(Duration.ofHours(3)), 150, 0.5);
        observe(steady, now.minus(Duration.ofHours(3)), 150, 0.5);
        // a model silent for longer than the list looks back, and one stamped far in the future, are not listed
        observe(silent, now.minus(Duration.ofDays(9)), 5, 0.5);
        observe(silent, now.plus(Duration.ofDays(30)), 1, 0.5);
        // one observation through the topic, as emitters send them: listed with too little data to judge
        Instant sent = now.minus(Duration.ofSeconds(5));
        TestEvents.send(Topics.APM_MODELS, fresh, ModelObservation.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(sent)
                .setModelId(fresh).setModelVersion("1").setScore(0.4).setPredictedLabel(null).setActualLabel(null).setRegion("uk")
                .setSegments(Map.of()).build());

        List<Map<String, Object>> models = await().atMost(Duration.ofSeconds(30)).until(() -> models(list("?limit=50")),
                listed -> listed.stream().anyMatch(m -> fresh.equals(m.get("modelId"))));

        Map<String, Object> drift = model(models, drifting);
        assertThat(drift).containsEntry("status", "ALERT");
        assertThat(field(drift, "drift")).containsEntry("verdict", "ALERT").containsEntry("observations", 150).containsEntry("referenceObservations", 150);
        assertThat(((Number) field(drift, "drift").get("psi")).doubleValue()).isGreaterThan(0.2);
        assertThat(Instant.parse((String) drift.get("lastObservedAt"))).isBetween(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
        assertThat(model(models, steady)).containsEntry("status", "OK");
        assertThat(field(model(models, steady), "drift")).containsEntry("verdict", "OK");
        assertThat(model(models, fresh)).containsEntry("status", "INSUFFICIENT_DATA");
        assertThat(Instant.parse((String) model(models, fresh).get("lastObservedAt"))).isEqualTo(sent);
        assertThat(models).noneMatch(m -> silent.equals(m.get("modelId")));
        // the most recently observed first
        assertThat(models.stream().map(m -> (String) m.get("modelId")).toList()).containsSubsequence(fresh, drifting);
    }

    @Test
    void theListIsBoundedAndSaysWhenModelsWereLeftOut() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        observe("first-" + run, clock.instant().minus(Duration.ofMinutes(2)), 1, 0.5);
        observe("second-" + run, clock.instant().minus(Duration.ofMinutes(1)), 1, 0.5);

        Map<String, Object> one = list("?limit=1");
        assertThat(models(one)).hasSize(1);
        assertThat(one).containsEntry("more", true).containsEntry("reference", "SAME_WEEKDAY").containsEntry("listedWithinDays", 7);
        assertThat(list("?reference=previous_period&limit=2")).containsEntry("reference", "PREVIOUS_PERIOD");
    }

    @Test
    void anAbsurdLimitOrAnUnknownReferenceIsRefusedNamingTheParameter() {
        for (String query : List.of("?limit=0", "?limit=51", "?limit=-3", "?limit=ten", "?limit=99999999999", "?limit=")) {
            refused(query, "limit");
        }
        refused("?reference=LAST_BLUE_MOON", "reference");
        web.get().uri("/api/apm/models").exchange().expectStatus().isUnauthorized();
    }

    private void refused(String query, String field) {
        web.get().uri("/api/apm/models" + query).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private Map<String, Object> list(String query) {
        return web.get().uri("/api/apm/models" + query).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> models(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("models");
    }

    private static Map<String, Object> model(List<Map<String, Object>> models, String id) {
        return models.stream().filter(m -> id.equals(m.get("modelId"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed among " + models.stream().map(m -> m.get("modelId")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> model, String name) {
        return (Map<String, Object>) model.get(name);
    }

    /**
     * {@code count} predictions spread over the hour after {@code from}, scores spread evenly over {@code meanScore} ± 0.15:
     * two models with the same mean then match decile for decile, with no sampling noise to read as drift.
     */
    private void observe(String model, Instant from, int count, double meanScore) {
        Flux.range(0, count).concatMap(i -> store.record(ModelObservation.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(from.plusMillis(i * 3_600_000L / Math.max(1, count))).setModelId(model).setModelVersion("1")
                .setScore(meanScore - 0.15 + 0.3 * (i + 0.5) / count).setPredictedLabel(null).setActualLabel(null).setRegion("uk")
                .setSegments(Map.of()).build())).then().block(Duration.ofSeconds(60));
    }
}
