package org.wedops.deploy;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.Topics;
import org.wedops.events.sketch.DurationSketches;
import org.wedops.testsupport.TestDeadLetters;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * A record the orchestrator cannot decode, on ops.health.v1 or ops.apm.windows.v1 (what verification reads), lands on
 * the topic's .dlt with the reason, and the next record under the same key is still stored. (ops.protection.v1 is
 * held to this by the health-collector's tests, through the same shared view.)
 */
@WedopsIntegrationTest
class PoisonRecordsIT {

    @Autowired
    DatabaseClient db;

    @Test
    void aPoisonHealthRecordIsDeadLetteredAndTheNextCheckIsStored() {
        String target = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        TestDeadLetters.sendPoison(Topics.HEALTH, target);
        TestEvents.send(Topics.HEALTH, target, ContainerHealthReported.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setTargetId(target).setService("crm").setRegion("uk").setSource(HealthSource.HTTP)
                .setStatus(HealthStatus.CRITICAL).setReasons(List.of("HTTP 500")).build());

        TestDeadLetters.awaitDeadLetter(Topics.HEALTH, target);
        await().until(() -> count("select count(*) from target_health where target_id = :k", target) == 1);
    }

    @Test
    void aPoisonApmWindowIsDeadLetteredAndTheNextWindowIsStored() {
        String series = "poison-" + UUID.randomUUID().toString().substring(0, 8) + "|checkout|uk";
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        DDSketch sketch = DurationSketches.empty();
        sketch.accept(120);
        TestDeadLetters.sendPoison(Topics.APM_WINDOWS, series);
        TestEvents.send(Topics.APM_WINDOWS, series, ApmWindow.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(start.plus(Duration.ofMinutes(1)))
                .setSeriesKey(series).setKind(ApmSampleKind.HTTP).setService("poison").setOperation("checkout").setRegion("uk")
                .setEnvironment("prod").setWindowStart(start).setWindowEnd(start.plus(Duration.ofMinutes(1)))
                .setCount(1).setErrors(0).setSum(120.0).setMin(120).setMax(120)
                .setSketchType(DurationSketches.TYPE).setSketch(DurationSketches.encode(sketch)).build());

        TestDeadLetters.awaitDeadLetter(Topics.APM_WINDOWS, series);
        await().until(() -> count("select count(*) from apm_window where series_key = :k", series) == 1);
    }

    private long count(String sql, String key) {
        return db.sql(sql).bind("k", key).map(row -> row.get(0, Number.class).longValue()).one().block(Duration.ofSeconds(5));
    }
}
