package org.wedops.deploy.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.wedops.deploy.DeployFixtures.awaitPhase;
import static org.wedops.deploy.DeployFixtures.openRegion;
import static org.wedops.deploy.DeployFixtures.phaseNames;
import static org.wedops.deploy.DeployFixtures.phases;
import static org.wedops.deploy.DeployFixtures.requestAccepted;
import static org.wedops.deploy.DeployFixtures.unique;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.deploy.DeploymentOrchestratorApplication;
import org.wedops.testsupport.RealInfrastructureInitializer;
import org.wedops.testsupport.SharedPostgres;

/**
 * An orchestrator running as a real second JVM, SIGKILLed while a command step of a deployment hangs (its process
 * group survives it, as in production), and a successor started on the same database and broker: the successor must
 * kill the whole group and see it gone before it runs or concludes anything, and the deployment must end in a defined
 * state. The stand-in tool (scripts/block.sh) records any step started while a process of an earlier one lived.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandKillIT {

    private static final Path STATE = Path.of(DeployIntegrationTest.STATE);
    private static final String SCRIPT = "sh,src/test/resources/scripts/block.sh," + STATE + ",{service},{environment},{version}";
    private static final String ROLLOUT = "it-fence-out";
    private static final String ROLLBACK = "it-fence-back";
    private static final String MIGRATION = "it-fence-mig";
    private static final String VERIFICATION = "it-fence-verify";

    /**
     * One orchestrator JVM per test, each deploying a service of its own (so none claims another test's deployment).
     * Starting a JVM is the slowest part of each test, so the tests run in this order and each starts the next one's
     * orchestrator as soon as its own answers: it boots while this test works, and no more than two JVMs start at once.
     */
    private static final List<String> ORDER = List.of(ROLLOUT, ROLLBACK, MIGRATION, VERIFICATION);
    private static final Map<String, Predecessor> PREDECESSORS = new ConcurrentHashMap<>();

    private final List<Path> pidFiles = new ArrayList<>();
    private ConfigurableApplicationContext successor;

    /** An orchestrator process, its API and the log it writes. */
    private record Predecessor(Process process, WebTestClient web, Path log) {
    }

    @AfterAll
    static void stopPredecessors() {
        PREDECESSORS.values().forEach(predecessor -> predecessor.process().destroyForcibly());
        PREDECESSORS.clear();
    }

    @AfterEach
    void leaveNothingRunning() throws IOException {
        if (successor != null) {
            successor.close();
        }
        for (Path file : pidFiles) {
            if (Files.exists(file)) {
                pids(file).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
        }
    }

    @Test
    @Order(1)
    void killedDuringTheRolloutTheSuccessorKillsTheRolloutsGroupBeforeItRollsBack() throws Exception {
        String region = unique("kill-out");
        String environment = unique("staging");
        WebTestClient web = ready(ROLLOUT);
        DatabaseClient db = database();
        openRegion(web, region, Instant.now(), ROLLOUT);
        awaitPhase(db, requestAccepted(web, ROLLOUT, environment, region, "1"), "SUCCEEDED");
        Path pids = blockOnce(ROLLOUT, environment, "2", "rollout");

        UUID id = requestAccepted(web, ROLLOUT, environment, region, "2");
        awaitPhase(db, id, "ROLLING_OUT");
        List<Long> hanging = killOrchestratorWhileHanging(ROLLOUT, db, id, pids);

        startSuccessor(ROLLOUT);
        awaitPhase(db, id, "ROLLED_BACK");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(phases(db, id).get(2).get("detail").toString())
                .contains("orchestrator stopped during the rollout", "the rollout of", "process group " + hanging.get(0), "was stopped and is gone");
        assertGone(hanging);
        assertThat(steps(ROLLOUT, environment)).containsExactly("rollout 1", "rollout 2", "rollout 1");
        assertNoOverlap(ROLLOUT, environment);
        assertThat(recordedRuns(db, id)).as("command_run row removed once the group was gone").isZero();
    }

    @Test
    @Order(2)
    void killedDuringTheRollbackTheSuccessorKillsTheRollbacksGroupBeforeRunningItAgain() throws Exception {
        String region = unique("kill-back");
        String environment = unique("staging");
        WebTestClient web = ready(ROLLBACK);
        DatabaseClient db = database();
        openRegion(web, region, Instant.now(), ROLLBACK);
        awaitPhase(db, requestAccepted(web, ROLLBACK, environment, region, "1"), "SUCCEEDED");
        Files.writeString(STATE.resolve(ROLLBACK + "-" + environment + "-2-rollout.fail"), "");
        Path pids = blockOnce(ROLLBACK, environment, "1", "rollout");

        UUID id = requestAccepted(web, ROLLBACK, environment, region, "2");
        awaitPhase(db, id, "ROLLING_BACK");
        List<Long> hanging = killOrchestratorWhileHanging(ROLLBACK, db, id, pids);

        startSuccessor(ROLLBACK);
        awaitPhase(db, id, "ROLLED_BACK");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "FAILED", "ROLLING_BACK", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(phases(db, id).get(4).get("detail").toString())
                .contains("orchestrator stopped during the rollback; running it again", "process group " + hanging.get(0), "was stopped and is gone");
        assertGone(hanging);
        assertThat(steps(ROLLBACK, environment)).containsExactly("rollout 1", "rollout 2", "rollout 1", "rollout 1");
        assertNoOverlap(ROLLBACK, environment);
        assertThat(Files.readString(STATE.resolve(ROLLBACK + "-" + environment + ".steps"))).doesNotContain("rollout 2\nrollout 2");
    }

    @Test
    @Order(3)
    void killedDuringTheMigrationTheSuccessorKillsTheMigrationBeforeConcludingNothingWasRolledOut() throws Exception {
        String region = unique("kill-mig");
        String environment = unique("staging");
        WebTestClient web = ready(MIGRATION);
        DatabaseClient db = database();
        openRegion(web, region, Instant.now(), MIGRATION);
        Path pids = blockOnce(MIGRATION, environment, "2", "migration");

        UUID id = requestAccepted(web, MIGRATION, environment, region, "2");
        awaitPhase(db, id, "MIGRATING");
        List<Long> hanging = killOrchestratorWhileHanging(MIGRATION, db, id, pids);

        startSuccessor(MIGRATION);
        awaitPhase(db, id, "FAILED");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "MIGRATING", "FAILED");
        assertThat(phases(db, id).get(2).get("detail").toString())
                .contains("nothing was rolled out", "the migration of", "was stopped and is gone");
        assertGone(hanging);
        assertThat(steps(MIGRATION, environment)).containsExactly("migration 2");
        assertThat(db.sql("select concluded from deployment where id = :id").bind("id", id).map((row, meta) -> row.get(0, Boolean.class))
                .one().block()).isTrue();
    }

    @Test
    @Order(4)
    void killedDuringVerificationNothingOfTheRolloutIsLeftAndTheSuccessorOnlyResumesTheWatch() throws Exception {
        String region = unique("kill-verify");
        String environment = unique("staging");
        WebTestClient web = ready(VERIFICATION);
        DatabaseClient db = database();
        openRegion(web, region, Instant.now(), VERIFICATION);
        Files.writeString(STATE.resolve(VERIFICATION + "-" + environment + "-1-rollout.leave"), "");

        UUID id = requestAccepted(web, VERIFICATION, environment, region, "1");
        awaitPhase(db, id, "VERIFYING");
        // the tool left a child behind and exited 0: the step's group was killed before VERIFYING was recorded
        Path leftoverFile = STATE.resolve(VERIFICATION + "-" + environment + "-1-rollout.leftover");
        long leftover = Long.parseLong(Files.readString(leftoverFile).strip());
        pidFiles.add(leftoverFile);
        assertGone(List.of(leftover));
        // traffic enough to judge the version, as apm-ingest would have delivered it
        db.sql("""
                        insert into apm_window (series_key, window_start, window_end, service, environment, region, requests, errors, max_ms, event_id)
                        values (:series, now() - interval '1 minute', now(), :service, :environment, :region, 100, 0, 50, :eventId)""")
                .bind("series", VERIFICATION + "|" + environment).bind("service", VERIFICATION).bind("environment", environment)
                .bind("region", region).bind("eventId", UUID.randomUUID()).fetch().rowsUpdated().block();
        PREDECESSORS.get(VERIFICATION).process().destroyForcibly().waitFor();

        startSuccessor(VERIFICATION);
        awaitPhase(db, id, "SUCCEEDED");

        assertThat(phaseNames(db, id)).containsExactly("REQUESTED", "ROLLING_OUT", "VERIFYING", "SUCCEEDED");
        assertThat(phases(db, id).get(3).get("detail").toString()).contains("verified for the whole window: 100 requests");
        assertThat(steps(VERIFICATION, environment)).containsExactly("rollout 1");
    }

    /** SIGKILLs the orchestrator JVM while the step hangs; answers the step's pids, checked alive and recorded first. */
    private List<Long> killOrchestratorWhileHanging(String service, DatabaseClient db, UUID id, Path pidFile) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile));
        List<Long> hanging = pids(pidFile);
        long group = groupOf(hanging.get(0));
        assertThat(hanging).allSatisfy(pid -> assertThat(groupOf(pid)).isEqualTo(group));
        await().atMost(Duration.ofSeconds(10)).until(() -> group == recordedGroup(db, id));

        PREDECESSORS.get(service).process().destroyForcibly().waitFor();

        // the step outlived the JVM that started it: nothing but a successor's fence will stop it
        assertThat(hanging).allSatisfy(pid -> assertThat(alive(pid)).as("pid " + pid + " after kill -9").isTrue());
        return List.of(group, hanging.get(0), hanging.get(1));
    }

    private Path blockOnce(String service, String environment, String version, String step) throws IOException {
        Files.createDirectories(STATE);
        Files.writeString(STATE.resolve(service + "-" + environment + "-" + version + "-" + step + ".block"), "");
        Path pids = STATE.resolve(service + "-" + environment + "-" + version + "-" + step + ".pids");
        pidFiles.add(pids);
        return pids;
    }

    private static void assertGone(List<Long> pids) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid " + pid).isFalse()));
    }

    private static void assertNoOverlap(String service, String environment) {
        assertThat(STATE.resolve(service + "-" + environment + ".overlaps")).as("a step started while an earlier one lived").doesNotExist();
    }

    private static List<String> steps(String service, String environment) throws IOException {
        return Files.readAllLines(STATE.resolve(service + "-" + environment + ".steps"));
    }

    private static long recordedGroup(DatabaseClient db, UUID id) {
        return db.sql("select pgid from command_run where deployment_id = :id").bind("id", id)
                .map((row, meta) -> row.get(0, Long.class)).one().blockOptional().orElse(-1L);
    }

    private static long recordedRuns(DatabaseClient db, UUID id) {
        return db.sql("select count(*) from command_run where deployment_id = :id").bind("id", id)
                .map((row, meta) -> row.get(0, Long.class)).one().block();
    }

    private static List<Long> pids(Path file) throws IOException {
        return Arrays.stream(Files.readString(file).strip().split("\\s+")).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
    }

    /** Alive and not a zombie (an orphan's parent may be slow to reap it). */
    private static boolean alive(long pid) {
        String[] stat = stat(pid);
        return stat != null && !"Z".equals(stat[0]);
    }

    private static long groupOf(long pid) {
        return Long.parseLong(stat(pid)[2]);
    }

    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Starts the orchestrator as its own JVM, with the test class path and the shared broker and database, deploying
     * only {@code service}; does not wait for it ({@link #ready}).
     */
    private static Predecessor startProcess(String service, String verificationWindow) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.wedops.events", "-cp", System.getProperty("java.class.path"),
                DeploymentOrchestratorApplication.class.getName(), "--server.port=" + port));
        command.addAll(arguments(service, verificationWindow));
        Path log = Path.of("target", "kill-it", service + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        Files.createDirectories(STATE);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        return new Predecessor(process, web, log);
    }

    /**
     * The service's orchestrator process once it answers (started now if it was not), after starting the next test's;
     * fails at once, pointing at its log, if it has died.
     */
    private static WebTestClient ready(String service) throws IOException {
        Predecessor predecessor = started(service);
        int next = ORDER.indexOf(service) + 1;
        if (next < ORDER.size()) {
            started(ORDER.get(next));
        }
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions()
                .failFast("the orchestrator process died, see " + predecessor.log(), () -> !predecessor.process().isAlive())
                .until(() -> predecessor.web().get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().value() < 500);
        return predecessor.web();
    }

    private static Predecessor started(String service) throws IOException {
        Predecessor predecessor = PREDECESSORS.get(service);
        if (predecessor == null) {
            // a watch long enough to be killed in
            predecessor = startProcess(service, service.equals(VERIFICATION) ? "60s" : "1s");
            PREDECESSORS.put(service, predecessor);
        }
        return predecessor;
    }

    /**
     * The successor, in this JVM (as RestartIT does), deploying the same service. Its protection view starts empty,
     * and empty counts as protected: a watch without traffic waits for the view to catch up before it is decided
     * (Verifier's bounded catch-up), else it would fail closed, as it should on a view that does not know the region.
     */
    private void startSuccessor(String service) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(arguments(service, "1s"));
        successor = new SpringApplicationBuilder(DeploymentOrchestratorApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> arguments(String service, String verificationWindow) {
        List<String> args = new ArrayList<>();
        RealInfrastructureInitializer.properties("deployment-orchestrator").forEach((name, value) -> args.add("--" + name + "=" + value));
        String settings = "--wedops.deploy.services." + service;
        args.addAll(List.of(
                "--wedops.deploy.verification.window=" + verificationWindow,
                "--wedops.deploy.verification.interval=200ms",
                "--wedops.deploy.verification.insufficient-data-wait=1s",
                "--wedops.deploy.verification.insufficient-data-outside-protected-windows=PASS",
                "--wedops.deploy.execution.lease=3s",
                "--wedops.deploy.execution.claim-every=200ms",
                "--wedops.deploy.command.kill-grace=1s",
                // a SIGKILLed instance's consumers stay in the group until their session times out, and every rebalance
                // waits for them: the broker's shortest session, so a successor's close is not held by the dead ones
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                settings + ".driver=COMMAND",
                settings + ".timeout=90s",
                settings + ".command.rollout=" + SCRIPT));
        if (service.equals(MIGRATION)) {
            args.addAll(List.of(settings + ".migration-estimate=1m", settings + ".command.migration=" + SCRIPT + ",migration"));
        }
        return args;
    }

    private static DatabaseClient database() {
        String url = SharedPostgres.r2dbcUrl(SharedPostgres.database("deployment-orchestrator"));
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(url).mutate()
                .option(ConnectionFactoryOptions.USER, "postgres").option(ConnectionFactoryOptions.PASSWORD, "postgres").build()));
    }

}
