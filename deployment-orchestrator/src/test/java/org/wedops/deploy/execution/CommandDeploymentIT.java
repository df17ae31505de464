package org.wedops.deploy.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phaseAt;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployFixtures;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.events.Alert;
import org.wedops.events.ApmWindow;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.HealthStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.MutableClock;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;

/** Deployments through the command driver (a real shell script) from request to conclusion, with verification against ops.health.v1. */
@DeployIntegrationTest
class CommandDeploymentIT {

    private static final Path STATE = Path.of(DeployIntegrationTest.STATE);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void deployInAnOpenWindowSucceedsAndPublishesEveryPhase() throws IOException {
        String region = unique("open");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());

        try (TopicProbe<SpecificRecord> deployments = TopicProbe.events(Topics.DEPLOYMENTS)) {
            UUID id = requestAccepted(web, "it-cmd", environment, region, "1.0.0");
            awaitPhase(db, id, "SUCCEEDED");

            assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
            // no APM windows at all: not a silent pass, but the configured pass outside protected windows, said as such
            assertThat(DeployFixtures.phases(db, id).get(3).get("detail").toString())
                    .contains("insufficient data: 0 requests < minimum 20 after", "policy pass outside protected windows: unverified");
            assertThat(Files.readString(STATE.resolve("it-cmd-" + environment + ".version")).strip()).isEqualTo("1.0.0");
            // verification lasted the whole (3 s) window before SUCCEEDED
            assertThat(Duration.between(phaseAt(db, id, "VERIFYING"), phaseAt(db, id, "SUCCEEDED"))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            for (DeploymentPhase phase : List.of(DeploymentPhase.REQUESTED, DeploymentPhase.ROLLING_OUT, DeploymentPhase.VERIFYING,
                    DeploymentPhase.SUCCEEDED)) {
                DeploymentEvent event = deployments.awaitEvent(DeploymentEvent.class,
                        e -> e.getDeploymentId().equals(id.toString()) && e.getPhase() == phase);
                assertThat(event.getService()).isEqualTo("it-cmd");
                assertThat(event.getRequestedBy()).isEqualTo("test-user");
            }
        }
    }

    @Test
    void aVersionThatTurnsItsTargetCriticalIsRolledBackWithinFiveSeconds() throws IOException {
        String region = unique("verify");
        String environment = unique("staging");
        String target = unique("it-cmd-api");
        openRegion(web, region, clock.instant());
        runningCleanly(environment, region, "1.0.0");

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            UUID bad = requestAccepted(web, "it-cmd", environment, region, "2.0.0");
            awaitPhase(db, bad, "VERIFYING");
            Instant critical = clock.instant();
            TestEvents.send(Topics.HEALTH, target, DeployFixtures.health(target, "it-cmd", region, HealthStatus.CRITICAL, "HTTP 500", critical));
            awaitPhase(db, bad, "ROLLED_BACK");

            assertThat(phaseNames(db, bad)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
            Instant failed = phaseAt(db, bad, "FAILED");
            Instant rollbackStarted = phaseAt(db, bad, "ROLLING_BACK");
            assertThat(Duration.between(critical, rollbackStarted)).isLessThan(Duration.ofSeconds(5));
            assertThat(failed).isBefore(phaseAt(db, bad, "VERIFYING").plusSeconds(3)); // before the window would have ended
            assertThat(Files.readString(STATE.resolve("it-cmd-" + environment + ".version")).strip()).isEqualTo("1.0.0");
            assertThat(Files.readAllLines(STATE.resolve("it-cmd-" + environment + ".history"))).containsExactly("1.0.0", "2.0.0", "1.0.0");
            assertThat(db.sql("select previous_version from deployment where id = :id").bind("id", bad)
                    .map((row, meta) -> row.get(0, String.class)).one().block()).isEqualTo("1.0.0");

            Alert alert = alerts.awaitEvent(Alert.class, a -> bad.toString().equals(a.getLabels().get("deploymentId"))
                    && a.getName().equals("DeploymentRolledBack"));
            assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        }
    }

    @Test
    void aFailedEmergencyVersionIsRolledBackToTheLastVersionThatRanCleanNotToTheEmergencyOneBeforeIt() throws IOException {
        String region = unique("wedding");
        String environment = unique("staging");
        String target = unique("it-cmd-api");
        openRegion(web, region, clock.instant());
        runningCleanly(environment, region, "1.0.0");
        DeployFixtures.freezeRegion(web, region, clock.instant(), clock.instant().plus(Duration.ofHours(6)), "wedding day");

        UUID hotfix = emergency(environment, region, "1.0.1");
        awaitPhase(db, hotfix, "VERIFYING");
        // inside the freeze a version passes only on data: healthy traffic while it is verified
        TestEvents.send(Topics.APM_WINDOWS, "it-cmd|checkout", window(environment, region, clock.instant().plusMillis(500), 50, 60));
        awaitPhase(db, hotfix, "SUCCEEDED");
        UUID second = emergency(environment, region, "1.0.2");
        awaitPhase(db, second, "VERIFYING");
        TestEvents.send(Topics.HEALTH, target, DeployFixtures.health(target, "it-cmd", region, HealthStatus.CRITICAL, "HTTP 500", clock.instant()));
        awaitPhase(db, second, "ROLLING_BACK");
        // and the rollback too: the window ends after its command, inside its watch
        TestEvents.send(Topics.APM_WINDOWS, "it-cmd|checkout", window(environment, region, clock.instant().plusSeconds(2), 50, 60));
        awaitPhase(db, second, "ROLLED_BACK");

        assertThat(db.sql("select previous_version from deployment where id = :id").bind("id", second)
                .map((row, meta) -> row.get(0, String.class)).one().block()).isEqualTo("1.0.0");
        assertThat(Files.readAllLines(STATE.resolve("it-cmd-" + environment + ".history"))).containsExactly("1.0.0", "1.0.1", "1.0.2", "1.0.0");
        assertThat(Files.readString(STATE.resolve("it-cmd-" + environment + ".version")).strip()).isEqualTo("1.0.0");
    }

    @Test
    void aDeploymentWithNoApmWindowsAtAllInAProtectedWindowIsRolledBackNotSucceeded() {
        String region = unique("nodata");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        runningCleanly(environment, region, "1.0.0");
        DeployFixtures.freezeRegion(web, region, clock.instant(), clock.instant().plus(Duration.ofHours(6)), "wedding day");

        UUID blind = emergency(environment, region, "1.0.1");
        awaitPhase(db, blind, "ROLLBACK_FAILED");

        // the version was rolled back on no data, and the rollback, itself unverified inside the freeze, calls a human
        assertThat(phaseNames(db, blind)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "FAILED", "ROLLING_BACK", "ROLLBACK_FAILED");
        assertThat(DeployFixtures.phases(db, blind).get(3).get("detail").toString())
                .contains("insufficient data: 0 requests < minimum 20 after", "policy fail-closed in a protected window → rollback");
        assertThat(DeployFixtures.phases(db, blind).get(5).get("detail").toString())
                .contains("rollback did not verify: insufficient data: 0 requests < minimum 20");
        assertThat(Duration.between(phaseAt(db, blind, "VERIFYING"), phaseAt(db, blind, "FAILED")))
                .as("waited the window and the wait for data").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRolloutLeftRunningOnAnotherHostIsNotRolledBackOverButHandedToAHuman() throws IOException {
        String region = unique("elsewhere");
        String environment = unique("staging");
        UUID id = UUID.randomUUID();
        // what a host that died (or lost its lease) mid-rollout leaves: the deployment, and its step recorded as running
        // in a process space this instance cannot see, with its wrapper's dead-by time an hour away
        db.sql("""
                        insert into deployment (id, service, environment, region, version, previous_version, phase, requested_by, created_at,
                                                updated_at, owner, lease_until, rollout_started)
                        values (:id, 'it-cmd', :environment, :region, '2.0.0', '1.0.0', 'ROLLING_OUT', 'test-user', now(), now(),
                                'orchestrator-on-another-host', now() - interval '1 second', true)""")
                .bind("id", id).bind("environment", environment).bind("region", region).fetch().rowsUpdated().block();
        db.sql("""
                        insert into command_run (deployment_id, token, step, owner, host, process_space, pgid, started_at, dead_by)
                        values (:id, :token, 'rollout', 'orchestrator-on-another-host', 'host-b', 'another-boot/pid:[1]', 4242,
                                now(), now() + interval '1 hour')""")
                .bind("id", id).bind("token", UUID.randomUUID()).fetch().rowsUpdated().block();

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            awaitPhase(db, id, "ROLLBACK_FAILED");

            assertThat(phaseNames(db, id)).containsExactly("ROLLBACK_FAILED");
            assertThat(DeployFixtures.phases(db, id).get(0).get("detail").toString()).contains("not rolled back",
                    "the rollout of orchestrator-on-another-host (process group 4242 on host-b", "ran on another host and may run until",
                    "a human must check");
            assertThat(STATE.resolve("it-cmd-" + environment + ".history")).as("no command ran").doesNotExist();
            Alert alert = alerts.awaitEvent(Alert.class, a -> id.toString().equals(a.getLabels().get("deploymentId")));
            assertThat(alert.getName()).isEqualTo("DeploymentRollbackFailed");
            assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
        }
    }

    /** Deploys the version through an open window and waits until it SUCCEEDED: what runs before the scenario. */
    private void runningCleanly(String environment, String region, String version) {
        awaitPhase(db, requestAccepted(web, "it-cmd", environment, region, version), "SUCCEEDED");
    }

    private UUID emergency(String environment, String region, String version) {
        Map<?, ?> accepted = DeployFixtures.request(web, "ADMIN", Map.of("service", "it-cmd", "environment", environment, "region", region,
                        "version", version, "emergency", true, "reason", "couples cannot upload photos"))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) accepted.get("id"));
    }

    @Test
    void aVersionWhoseP95RisesAboveTwiceTheBaselineIsRolledBack() {
        String region = unique("latency");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        runningCleanly(environment, region, "1.0.0");
        Instant beforeRequest = clock.instant();
        TestEvents.send(Topics.APM_WINDOWS, "it-cmd|checkout", window(environment, region, beforeRequest, 100, 100));

        UUID slow = requestAccepted(web, "it-cmd", environment, region, "2.0.0");
        awaitPhase(db, slow, "VERIFYING");
        // the same error rate and a lower median, but half the requests now take 450 ms: the p95 tells
        TestEvents.send(Topics.APM_WINDOWS, "it-cmd|checkout", window(environment, region, clock.instant(), 50, 450));
        awaitPhase(db, slow, "ROLLED_BACK");

        assertThat(phaseNames(db, slow)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(DeployFixtures.phases(db, slow).get(3).get("detail").toString()).contains("p95 45", "above baseline 10");
    }

    private static ApmWindow window(String environment, String region, Instant end, double firstMs, double secondMs) {
        return DeployFixtures.apmWindow("it-cmd", environment, region, end, firstMs, secondMs);
    }

    @Test
    void aFailedMigrationRollsNothingOut() throws IOException {
        String region = unique("migrate");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        Files.createDirectories(STATE);
        Files.writeString(STATE.resolve("it-mig-" + environment + "-3.0.0.migration-fails"), "");

        UUID id = requestAccepted(web, "it-mig", environment, region, "3.0.0");
        awaitPhase(db, id, "FAILED");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "MIGRATING", "FAILED");
        assertThat(DeployFixtures.phases(db, id).get(2).get("detail").toString()).contains("migration to 3.0.0 failed: column exists");
        assertThat(STATE.resolve("it-mig-" + environment + ".history")).doesNotExist();
        // concluded: the next deployment of the service in that environment is accepted
        UUID next = requestAccepted(web, "it-mig", environment, region, "3.0.1");
        awaitPhase(db, next, "SUCCEEDED");
        assertThat(phaseNames(db, next)).containsExactly("REQUESTED", "MIGRATING", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
        assertThat(Files.readAllLines(STATE.resolve("it-mig-" + environment + ".migrations"))).containsExactly("3.0.1");
    }

    @Test
    void anAbortDuringTheRolloutRollsBack() throws IOException {
        String region = unique("abort");
        String environment = unique("staging");
        openRegion(web, region, clock.instant());
        runningCleanly(environment, region, "1.0.0");
        Files.writeString(STATE.resolve("it-cmd-" + environment + "-2.0.0.hold"), "");

        UUID held = requestAccepted(web, "it-cmd", environment, region, "2.0.0");
        awaitPhase(db, held, "ROLLING_OUT");
        web.post().uri("/api/admin/infrastructure/deployments/" + held + "/abort")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .bodyValue(Map.of("reason", "wrong build"))
                .exchange().expectStatus().isAccepted();
        Files.writeString(STATE.resolve("it-cmd-" + environment + "-2.0.0.release"), "");
        awaitPhase(db, held, "ROLLED_BACK");

        assertThat(phaseNames(db, held)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(Files.readString(STATE.resolve("it-cmd-" + environment + ".version")).strip()).isEqualTo("1.0.0");
        assertThat(db.sql("select count(*) from audit_log where action = 'deployment.abort' and target = :id and reason = 'wrong build'")
                .bind("id", held.toString()).map((row, meta) -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
    }
}
