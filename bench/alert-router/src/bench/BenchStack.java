package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.wedops.localstack.Installation;
import org.wedops.localstack.StackDirectories;
import org.wedops.localstack.kafka.KafkaBrokerProcess;
import org.wedops.localstack.ports.StackPorts;
import org.wedops.localstack.postgres.PostgresServer;
import org.wedops.localstack.process.ChildProcess;
import org.wedops.localstack.process.JavaExecutable;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.security.LocalSecretFile;
import org.wedops.localstack.security.LocalTokens;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.WedopsService;

/**
 * The WedOps side of the benchmark: the local stack's own Kafka broker and PostgreSQL (the launcher's classes, from
 * local-stack.jar and its lib/), in a fresh bench directory, and the real alert-router executable jar wired with
 * exactly the launcher's arguments ({@link ServiceArguments}) plus the bench routing file. Nothing else: the other
 * five services would only compete for the two cores.
 *
 * <p>Usage: {@code BenchStack <stack-dir> <port-offset> <alert-router-exec.jar> <routing.yml> <ready-file>}; the JVM
 * options of the alert-router come from the environment variable {@code AR_JVM_OPTS}. Prints {@code READY} and
 * writes the ready file once the router is ready and serving the bench routing; SIGTERM stops the router, the broker
 * and PostgreSQL, in that order.
 */
public final class BenchStack {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        StackPorts ports = new StackPorts(Integer.parseInt(args[1]));
        Path routerJar = Path.of(args[2]).toAbsolutePath();
        Path routingFile = Path.of(args[3]).toAbsolutePath();
        Path readyFile = Path.of(args[4]).toAbsolutePath();
        StackDirectories directories = new StackDirectories(root);
        long started = System.nanoTime();

        List<Runnable> stops = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = stops.size() - 1; i >= 0; i--) {
                try {
                    stops.get(i).run();
                } catch (RuntimeException e) {
                    System.err.println("stop failed: " + e);
                }
            }
            System.out.println("[bench-stack] stopped");
        }, "bench-stack-stop"));

        Installation installation = Installation.locate();
        System.out.println("[bench-stack] Kafka on " + ports.kafkaBootstrap() + ", PostgreSQL on " + ports.postgres() + ", data in " + root);
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(installation, directories, ports.kafka(), ports.kafkaController());
        stops.add(() -> broker.stop(Duration.ofSeconds(20)));
        PostgresServer postgres = PostgresServer.start(ports.postgres(), directories.postgres(), directories.log("postgres"));
        stops.add(postgres::close);
        postgres.createDatabases(List.of(WedopsService.ALERT_ROUTER.database().orElseThrow()));
        if ("1".equals(System.getenv("BENCH_PG_LOG"))) {
            // diagnosis only: slow statements and lock waits into the bench PostgreSQL's log (a fresh instance per run)
            try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "postgres");
                 var s = c.createStatement()) {
                s.execute("alter system set log_min_duration_statement = '20ms'");
                s.execute("alter system set log_lock_waits = on");
                s.execute("alter system set deadlock_timeout = '20ms'");
                s.execute("select pg_reload_conf()");
            }
            System.out.println("[bench-stack] PostgreSQL logs statements over 20 ms and lock waits over 20 ms");
        }
        broker.awaitReady(Duration.ofSeconds(120));
        System.out.printf("[bench-stack] Kafka and PostgreSQL ready (%.1f s)%n", (System.nanoTime() - started) / 1e9);

        String secret = JwtSecret.loadOrCreate(directories.jwtSecret());
        // RouterMetrics reads the router's /actuator/prometheus with it (SCRAPE_TOKEN_FILE in run.sh)
        LocalSecretFile.loadOrCreate(directories.scrapeToken());
        int port = ports.of(WedopsService.ALERT_ROUTER);
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current().toString());
        String jvmOptions = System.getenv().getOrDefault("AR_JVM_OPTS", "-Xmx512m");
        command.addAll(Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-jar");
        command.add(routerJar.toString());
        command.add("--server.port=" + port);
        // the launcher's own argument list for the alert-router: broker, its database, the JWT secret and scrape token files
        command.addAll(ServiceArguments.of(WedopsService.ALERT_ROUTER, ports, directories, Optional.empty()));
        // The routing file is NOT an argument: it reaches the child through the environment
        // (WEDOPS_ALERT_ROUTING_FILE=file:…, set by run.sh and inherited), which is how it would reach an alert-router
        // started by ./wedops run. checkRouting() below proves the router took it.
        if (System.getenv("WEDOPS_ALERT_ROUTING_FILE") == null) {
            throw new IllegalStateException("WEDOPS_ALERT_ROUTING_FILE is not set");
        }
        System.out.println("[bench-stack] alert-router: " + String.join(" ", command));
        ChildProcess router = ChildProcess.start("alert-router", command, root.getParent(), directories.log("alert-router"));
        stops.add(() -> router.stop(Duration.ofSeconds(20)));

        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (true) {
            if (!router.isAlive()) {
                throw new IllegalStateException("alert-router exited (" + router.exitCode() + "); last lines:\n"
                        + String.join("\n", router.lastLogLines(30)));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("alert-router not ready in 240 s; see " + router.log());
            }
            Thread.sleep(500);
        }
        System.out.printf("[bench-stack] alert-router ready on %d (%.1f s)%n", port, (System.nanoTime() - started) / 1e9);
        checkRouting(http, port, secret, routingFile);

        Files.writeString(readyFile, "pids " + router.pid() + " " + broker.child().pid() + "\n");
        System.out.println("READY");
        new CountDownLatch(1).await();
    }

    /** The routes in force must be the bench's (its webhook receiver named "bench"), not the built-in defaults. */
    private static void checkRouting(HttpClient http, int port, String secret, Path routingFile) throws Exception {
        String token = LocalTokens.forRoles(secret, List.of("VIEWER"), Instant.now());
        HttpResponse<String> routes = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/routes"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (routes.statusCode() != 200 || !routes.body().contains("bench-webhook")) {
            throw new IllegalStateException("the alert-router does not serve the bench routing " + routingFile
                    + " (WEDOPS_ALERT_ROUTING_FILE); GET /api/alerts/routes answered " + routes.statusCode() + ": " + routes.body());
        }
        System.out.println("[bench-stack] routing in force is the bench's (from WEDOPS_ALERT_ROUTING_FILE): "
                + routes.body().substring(0, Math.min(300, routes.body().length())) + " …");
    }
}
