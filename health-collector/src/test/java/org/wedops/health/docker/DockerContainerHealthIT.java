package org.wedops.health.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;

import org.apache.avro.specific.SpecificRecord;
import org.wedops.testsupport.docker.TestDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestProtection;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

/** The Docker source against a real engine: containers with a HEALTHCHECK that a test can make fail. */
@WedopsIntegrationTest(properties = {"wedops.health.docker.enabled=true", "wedops.health.docker.interval=1s",
        "wedops.health.confirmations=1", "wedops.health.tick=1h", "wedops.health.docker.stats-every=1"})
class DockerContainerHealthIT {

    private static DockerClient docker;
    private static final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Autowired
    ProtectionStates protection;

    @BeforeAll
    static void engineAndImage() throws Exception {
        docker = TestDockerEngine.connect();
        TestDockerEngine.ensureImage(docker);
    }

    @AfterAll
    static void removeContainers() {
        created.forEach(id -> {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
    }

    @Test
    void containerWhoseHealthcheckFailsIsReportedCriticalAndRestartedOutsideProtectedWindows() {
        String region = "uk-open-" + UUID.randomUUID().toString().substring(0, 6);
        TestProtection.publish(TestProtection.open(region, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> protection.protection(region).known());
        String name = start("crm-" + UUID.randomUUID().toString().substring(0, 8), region, true);
        try (TopicProbe<SpecificRecord> health = TopicProbe.events(Topics.HEALTH);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            ContainerHealthReported healthy = health.awaitEvent(ContainerHealthReported.class,
                    e -> e.getTargetId().equals(name) && e.getStatus() == HealthStatus.HEALTHY);
            assertThat(healthy.getSource()).isEqualTo(HealthSource.DOCKER);
            assertThat(healthy.getService()).isEqualTo("crm");
            assertThat(healthy.getMemoryPercent()).isNotNull();
            assertThat(healthy.getCpuPercent()).isNotNull();
            assertThat(healthy.getRestartCount()).isZero();
            assertThat(healthy.getDetails()).containsKeys("containerId", "image", "startedAt", "uptimeSeconds");
            // later readings come from one-shot stats, with CPU % against the previous reading's counters
            health.await(r -> r.value() instanceof ContainerHealthReported e && e.getTargetId().equals(name)
                    && e.getOccurredAt().isAfter(healthy.getOccurredAt()) && e.getCpuPercent() != null && e.getMemoryPercent() != null);

            exec(name, "rm", "/tmp/healthy");

            // after the healthy reading: a check between the container's creation and its start may have seen it "created"
            ContainerHealthReported critical = health.awaitEvent(ContainerHealthReported.class,
                    e -> e.getTargetId().equals(name) && e.getStatus() == HealthStatus.CRITICAL && e.getOccurredAt().isAfter(healthy.getOccurredAt()));
            assertThat(critical.getReasons()).singleElement().asString().startsWith("failing streak");
            Alert restarted = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetRestarted") && name.equals(a.getLabels().get("target")));
            assertThat(restarted.getSeverity()).isEqualTo(Severity.LOW);
            // the restart ran the container's command again, which makes it healthy
            health.await(r -> r.value() instanceof ContainerHealthReported e && e.getTargetId().equals(name)
                    && e.getStatus() == HealthStatus.HEALTHY && e.getOccurredAt().isAfter(critical.getOccurredAt()));
            Alert resolved = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetCritical")
                    && name.equals(a.getLabels().get("target")) && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(resolved.getSource()).isEqualTo("health-collector");
        }
        Map<String, Object> decision = db.sql("select restart, reason, outcome, decided_by from restart_decision where target_id = :t")
                .bind("t", name).fetch().first().block(Duration.ofSeconds(5));
        assertThat(decision).containsEntry("restart", true).containsEntry("outcome", "RESTARTED").containsEntry("decided_by", "collector");
    }

    @Test
    void insideAProtectedWindowAContainerIsNotRestartedAndAHumanIsAlertedWithTheReason() {
        String region = "wedding-" + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.send(Topics.PROTECTION, region, ProtectionState.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setRegion(region).setTimeZone("Europe/London").setLevel(ProtectionLevel.MAXIMUM).setProfile(ThresholdProfile.WEDDING_DAY)
                .setFreezeActive(true).setFreezeUntil(Instant.now().plusSeconds(7200)).setWeddingActive(true)
                .setReasons(List.of("wedding w-42 in progress")).build());
        // the refusal must name the wedding, so the view has to know the region first (before that it refuses as unknown)
        await().atMost(Duration.ofSeconds(30)).until(() -> protection.protection(region).known());
        String name = start("venue-" + UUID.randomUUID().toString().substring(0, 8), region, true);

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            TopicProbe<SpecificRecord> health = TopicProbe.events(Topics.HEALTH);
            health.awaitEvent(ContainerHealthReported.class, e -> e.getTargetId().equals(name) && e.getProfile() == ThresholdProfile.WEDDING_DAY);
            health.close();
            exec(name, "rm", "/tmp/healthy");

            Alert refused = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetNotRestarted") && name.equals(a.getLabels().get("target")));
            assertThat(refused.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(refused.getSummary()).contains("was not restarted").contains("protected window").contains("wedding w-42 in progress");
        }
        Map<String, Object> decision = db.sql("select restart, outcome from restart_decision where target_id = :t")
                .bind("t", name).fetch().first().block(Duration.ofSeconds(5));
        assertThat(decision).containsEntry("restart", false).containsEntry("outcome", "REFUSED");
        assertThat(docker.inspectContainerCmd(name).exec().getState().getHealth().getStatus()).isEqualTo("unhealthy");

        web.post().uri("/api/admin/infrastructure/containers/" + name + "/restart")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange().expectStatus().isEqualTo(423)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("protected window"))
                .jsonPath("$.windowEndsAt").exists();
        web.post().uri("/api/admin/infrastructure/containers/" + name + "/restart")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("emergency", true, "reason", "bride's playlist service"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/admin/infrastructure/containers/" + name + "/restart")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("emergency", true, "reason", "venue check-in is down"))
                .exchange().expectStatus().isAccepted();
        await().untilAsserted(() -> assertThat(docker.inspectContainerCmd(name).exec().getState().getHealth().getStatus()).isEqualTo("healthy"));
        assertThat(db.sql("select decided_by, request_reason from restart_decision where target_id = :t and restart")
                .bind("t", name).fetch().one().block(Duration.ofSeconds(5)))
                .containsEntry("decided_by", "test-user").containsEntry("request_reason", "venue check-in is down");
        // the refusal and the emergency restart are both in the audit trail, with who asked and why
        assertThat(db.sql("select actor, action, reason, outcome from audit_log where target = :t order by id")
                .bind("t", name).fetch().all().collectList().block(Duration.ofSeconds(5)))
                .extracting(row -> row.get("actor") + " " + row.get("action") + " " + row.get("reason") + " " + String.valueOf(row.get("outcome")).split(":")[0])
                .containsExactly("test-user container.restart null REFUSED",
                        "test-user container.restart.emergency venue check-in is down RESTARTED");
    }

    private static String start(String name, String region, boolean autoRestart) {
        String id = docker.createContainerCmd(TestDockerEngine.IMAGE)
                .withName(name)
                .withCmd("sh", "-c", "trap 'exit 0' TERM; touch /tmp/healthy; while true; do sleep 1; done")
                .withLabels(Map.of("wedops.watch", "true", "wedops.service", name.substring(0, name.indexOf('-')),
                        "wedops.region", region, "wedops.auto-restart", Boolean.toString(autoRestart)))
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "test", "-f", "/tmp/healthy"))
                        .withInterval(500_000_000L).withTimeout(1_000_000_000L).withRetries(1).withStartPeriod(0L))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        created.add(id);
        docker.startContainerCmd(id).exec();
        return name;
    }

    private static void exec(String container, String... command) {
        ExecCreateCmdResponse exec = docker.execCreateCmd(container).withCmd(command).exec();
        try {
            docker.execStartCmd(exec.getId()).start().awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
