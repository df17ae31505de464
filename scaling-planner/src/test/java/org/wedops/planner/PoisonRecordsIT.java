package org.wedops.planner;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestDeadLetters;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.MutableClock;

/**
 * A record the planner cannot decode, on each topic it consumes besides ops.weddings.v1 (tested with the calendar),
 * lands on the topic's .dlt with the reason, and the next record under the same key is still applied.
 */
@PlannerIntegrationTest
class PoisonRecordsIT {

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @Test
    void aPoisonHealthRecordIsDeadLetteredAndTheNextCheckIsStored() {
        String target = PlannerEvents.uniqueId("poison-target");
        TestDeadLetters.sendPoison(Topics.HEALTH, target);
        TestEvents.send(Topics.HEALTH, target, ContainerHealthReported.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant()).setTargetId(target).setService("crm").setRegion("uk").setSource(HealthSource.HTTP)
                .setStatus(HealthStatus.CRITICAL).setReasons(List.of("HTTP 500")).build());

        TestDeadLetters.awaitDeadLetter(Topics.HEALTH, target);
        await().until(() -> count("select count(*) from target_health where target_id = :k", target) == 1);
    }

    @Test
    void aPoisonRecordWhoseDeadLetterWouldBeTooLargeIsDeadLetteredWithoutItsValueAndTheNextCheckIsStored() {
        String target = PlannerEvents.uniqueId("oversize-target");
        TestDeadLetters.sendOversizePoison(Topics.HEALTH, target);
        TestEvents.send(Topics.HEALTH, target, ContainerHealthReported.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant()).setTargetId(target).setService("crm").setRegion("uk").setSource(HealthSource.HTTP)
                .setStatus(HealthStatus.CRITICAL).setReasons(List.of("HTTP 500")).build());

        await().until(() -> count("select count(*) from target_health where target_id = :k", target) == 1);
        TestDeadLetters.awaitDeadLetterWithoutValue(Topics.HEALTH, target);
    }

    @Test
    void aPoisonDeploymentRecordIsDeadLetteredAndTheNextPhaseIsStored() {
        String service = PlannerEvents.uniqueId("poison-svc");
        String deployment = UUID.randomUUID().toString();
        TestDeadLetters.sendPoison(Topics.DEPLOYMENTS, service);
        TestEvents.send(Topics.DEPLOYMENTS, service, DeploymentEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant()).setDeploymentId(deployment).setService(service).setEnvironment("prod").setRegion("uk")
                .setVersion("1.0.1").setPhase(DeploymentPhase.ROLLING_OUT).setRequestedBy("it").build());

        TestDeadLetters.awaitDeadLetter(Topics.DEPLOYMENTS, service);
        await().until(() -> count("select count(*) from deployment_status where deployment_id = :k", deployment) == 1);
    }

    @Test
    void aPoisonApmWindowIsDeadLetteredAndTheNextWindowIsCounted() {
        String service = PlannerEvents.uniqueId("poison-apm");
        String series = service + "|checkout|uk";
        Instant start = Instant.parse("2026-05-01T10:00:00Z");
        TestDeadLetters.sendPoison(Topics.APM_WINDOWS, series);
        TestEvents.send(Topics.APM_WINDOWS, series, ApmWindow.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(start.plus(Duration.ofMinutes(1)))
                .setSeriesKey(series).setKind(ApmSampleKind.HTTP).setService(service).setOperation("checkout").setRegion("uk")
                .setEnvironment("prod").setWindowStart(start).setWindowEnd(start.plus(Duration.ofMinutes(1)))
                .setCount(60).setErrors(0).setSum(6000.0).setMin(10).setMax(900)
                .setSketchType("ddsketch-0.01").setSketch(ByteBuffer.allocate(0)).build());

        TestDeadLetters.awaitDeadLetter(Topics.APM_WINDOWS, series);
        await().until(() -> count("select count(*) from apm_minute where series_key = :k", series) == 1);
    }

    private long count(String sql, String key) {
        return db.sql(sql).bind("k", key).map(row -> row.get(0, Number.class).longValue()).one().block(Duration.ofSeconds(5));
    }
}
