package org.wedops.apm;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestDeadLetters;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * A record apm-ingest's listeners cannot decode lands on the topic's .dlt with the reason, and the next record under
 * the same key is still stored. (ops.apm.samples.v1, read by Kafka Streams, is held to the same rule by its own tests.)
 */
@WedopsIntegrationTest
class PoisonRecordsIT {

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @Test
    void aPoisonModelObservationIsDeadLetteredAndTheNextOneIsStored() {
        String model = "poison-model-" + UUID.randomUUID().toString().substring(0, 8);
        TestDeadLetters.sendPoison(Topics.APM_MODELS, model);
        TestEvents.send(Topics.APM_MODELS, model, ModelObservation.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant()).setModelId(model).setModelVersion("1").setScore(0.5).setSegments(Map.of()).build());

        TestDeadLetters.awaitDeadLetter(Topics.APM_MODELS, model);
        await().until(() -> count("select count(*) from model_observation where model_id = :k", model) == 1);
    }

    @Test
    void aPoisonWindowIsDeadLetteredAndTheNextWindowIsStored() {
        String series = "poison-" + UUID.randomUUID().toString().substring(0, 8) + "|checkout|uk";
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        TestDeadLetters.sendPoison(Topics.APM_WINDOWS, series);
        TestEvents.send(Topics.APM_WINDOWS, series, ApmWindow.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(start.plus(Duration.ofMinutes(1)))
                .setSeriesKey(series).setKind(ApmSampleKind.HTTP).setService("poison").setOperation("checkout").setRegion("uk")
                .setEnvironment("prod").setWindowStart(start).setWindowEnd(start.plus(Duration.ofMinutes(1)))
                .setCount(60).setErrors(0).setSum(6000.0).setMin(10).setMax(900)
                .setSketchType(DurationSketches.TYPE).setSketch(sketchOf(10, 100, 900)).build());

        TestDeadLetters.awaitDeadLetter(Topics.APM_WINDOWS, series);
        await().until(() -> count("select count(*) from apm_window where series_key = :k", series) == 1);
    }

    private static ByteBuffer sketchOf(double... durations) {
        DDSketch sketch = DurationSketches.empty();
        for (double duration : durations) {
            sketch.accept(duration);
        }
        return DurationSketches.encode(sketch);
    }

    private long count(String sql, String key) {
        return db.sql(sql).bind("k", key).map(row -> row.get(0, Number.class).longValue()).one().block(Duration.ofSeconds(5));
    }
}
