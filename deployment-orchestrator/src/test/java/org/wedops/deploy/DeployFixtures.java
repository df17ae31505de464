package org.wedops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.sketch.DurationSketches;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;

/** What deployment tests do over and over: set a region's protection, request a deployment, wait for a phase, read its phases. */
public final class DeployFixtures {

    private DeployFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The region is open, with no protected window in sight; waits until the gate has seen it. */
    public static void openRegion(WebTestClient web, String region, Instant now) {
        openRegion(web, region, now, "it-cmd");
    }

    /** As {@link #openRegion(WebTestClient, String, Instant)}, asking the gate about a service the instance has configured. */
    public static void openRegion(WebTestClient web, String region, Instant now, String service) {
        TestEvents.send(Topics.PROTECTION, region, protection(region, now, false, null, List.of(), null));
        awaitGate(web, region, true, service);
    }

    /** The region is frozen until the given instant; waits until the gate has seen it. */
    public static void freezeRegion(WebTestClient web, String region, Instant now, Instant until, String reason) {
        TestEvents.send(Topics.PROTECTION, region, protection(region, now, true, until, List.of(reason), until));
        awaitGate(web, region, false, "it-cmd");
    }

    private static void awaitGate(WebTestClient web, String region, boolean allowed, String service) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(web.get()
                .uri("/api/admin/infrastructure/deployments/gate?service=" + service + "&environment=any&region=" + region)
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectBody(Map.class).returnResult().getResponseBody()).containsEntry("allowed", allowed));
    }

    public static ProtectionState protection(String region, Instant now, boolean frozen, Instant until, List<String> reasons, Instant next) {
        return ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setRegion(region)
                .setTimeZone("Europe/London").setLevel(frozen ? ProtectionLevel.HIGH : ProtectionLevel.NORMAL)
                .setProfile(ThresholdProfile.STANDARD).setFreezeActive(frozen).setFreezeUntil(until).setReasons(reasons)
                .setNextChangeAt(next).build();
    }

    public static WebTestClient.ResponseSpec request(WebTestClient web, String role, Map<String, Object> body) {
        return web.post().uri("/api/admin/infrastructure/deployments")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles(role)))
                .bodyValue(body).exchange();
    }

    public static UUID requestAccepted(WebTestClient web, String service, String environment, String region, String version) {
        Map<?, ?> body = request(web, "OPERATOR", Map.of("service", service, "environment", environment, "region", region, "version", version))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    public static String phase(DatabaseClient db, UUID id) {
        return db.sql("select phase from deployment where id = :id").bind("id", id).map((row, meta) -> row.get(0, String.class)).one().block();
    }

    public static void awaitPhase(DatabaseClient db, UUID id, String phase) {
        await().atMost(Duration.ofSeconds(60)).until(() -> phase.equals(phase(db, id)));
    }

    /** Recorded phases in order, with when each began. */
    public static List<Map<String, Object>> phases(DatabaseClient db, UUID id) {
        return db.sql("select phase, at, actor, detail from deployment_phase where deployment_id = :id order by id").bind("id", id)
                .fetch().all().collectList().block();
    }

    public static List<String> phaseNames(DatabaseClient db, UUID id) {
        return phases(db, id).stream().map(row -> (String) row.get("phase")).toList();
    }

    /** The rollback began within 5 s of the failure and was done within the seeds' 2-minute SLA, by the recorded phases. */
    public static void assertRolledBackInTime(DatabaseClient db, UUID id) {
        Instant failed = phaseAt(db, id, "FAILED");
        assertThat(Duration.between(failed, phaseAt(db, id, "ROLLING_BACK"))).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(failed, phaseAt(db, id, "ROLLED_BACK"))).isLessThan(Duration.ofMinutes(2));
    }

    public static Instant phaseAt(DatabaseClient db, UUID id, String phase) {
        return phases(db, id).stream().filter(row -> phase.equals(row.get("phase"))).findFirst()
                .map(row -> ((OffsetDateTime) row.get("at")).toInstant()).orElseThrow();
    }

    public static ContainerHealthReported health(String target, String service, String region, HealthStatus status, String reason, Instant at) {
        return ContainerHealthReported.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setTargetId(target).setService(service).setRegion(region).setSource(HealthSource.HTTP).setStatus(status)
                .setReasons(reason == null ? List.of() : List.of(reason)).build();
    }

    /** A closed minute of 100 requests (one failed) ending at {@code end}: half of them took {@code firstMs}, half {@code secondMs}. */
    public static ApmWindow apmWindow(String service, String environment, String region, Instant end, double firstMs, double secondMs) {
        DDSketch durations = DurationSketches.empty();
        for (int i = 0; i < 100; i++) {
            durations.accept(i < 50 ? firstMs : secondMs);
        }
        return ApmWindow.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(end).setSeriesKey(service + "|checkout|" + end)
                .setKind(ApmSampleKind.HTTP).setService(service).setOperation("checkout").setRegion(region).setEnvironment(environment)
                .setWindowStart(end.minusSeconds(60)).setWindowEnd(end).setCount(100).setErrors(1).setSum(durations.getSum())
                .setMin(durations.getMinValue()).setMax(durations.getMaxValue()).setSketchType(DurationSketches.TYPE)
                .setSketch(DurationSketches.encode(durations)).build();
    }
}
