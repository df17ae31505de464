package org.wedops.alert.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.wedops.testsupport.TestTokens;

/**
 * The WedOps side of the benchmark, each part a process of its own so that run.sh can measure each one's CPU: a
 * Kafka broker ({@link BenchBroker}), PostgreSQL (zonky's embedded binaries, the local stack's), and the real
 * alert-router executable jar wired as the local stack wires it (broker, its database, local tokens, scrape token).
 * Nothing else: the other five services would only compete for the two cores.
 *
 * <p>Arguments: {@code <stack-dir> <port-offset> <alert-router-exec.jar> <routing.yml> <ready-file>}; the router's JVM
 * options come from {@code AR_JVM_OPTS}, its routing file from {@code WEDOPS_ALERT_ROUTING_FILE} (inherited, as a
 * launched router would get it). Writes the ready file ({@code pids <router> <broker>}) once the router is ready and
 * serves the bench routing, and its own pid in {@code <stack-dir>/bench-stack.pid} at once; SIGTERM to that pid stops the
 * router, the broker and PostgreSQL, in that order.
 */
final class BenchStack {

    private BenchStack() {
    }

    static void run(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int offset = Integer.parseInt(args[1]);
        Path routerJar = Path.of(args[2]).toAbsolutePath();
        Path routingFile = Path.of(args[3]).toAbsolutePath();
        Path readyFile = Path.of(args[4]).toAbsolutePath();
        int kafkaPort = 9092 + offset;
        int postgresPort = 5433 + offset;
        int routerPort = 8085 + offset;
        long started = System.nanoTime();
        Files.createDirectories(root.resolve("logs"));
        // run.sh stops the stack by this pid: the JVM Maven runs it in, whatever shells stand between
        Files.writeString(root.resolve("bench-stack.pid"), ProcessHandle.current().pid() + "\n");

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

        System.out.println("[bench-stack] Kafka on 127.0.0.1:" + kafkaPort + ", PostgreSQL on " + postgresPort + ", data in " + root);
        BenchBroker broker = BenchBroker.start(root.resolve("kafka"), kafkaPort, 9093 + offset);
        stops.add(broker::stop);
        EmbeddedPostgres postgres = startPostgres(root, postgresPort);
        stops.add(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database alert_router");
        }
        broker.awaitReady(Duration.ofSeconds(120));
        System.out.printf("[bench-stack] Kafka and PostgreSQL ready (%.1f s)%n", (System.nanoTime() - started) / 1e9);

        if (System.getenv("WEDOPS_ALERT_ROUTING_FILE") == null) {
            throw new IllegalStateException("WEDOPS_ALERT_ROUTING_FILE is not set");
        }
        Path jwtSecret = secretFile(root.resolve("jwt-secret"), TestTokens.SECRET);
        // RouterMetrics reads the router's /actuator/prometheus with it (SCRAPE_TOKEN_FILE in run.sh)
        Path scrapeToken = secretFile(root.resolve("scrape-token"), randomToken());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(System.getenv().getOrDefault("AR_JVM_OPTS", "-Xmx512m").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of("-jar", routerJar.toString(),
                "--server.port=" + routerPort,
                "--wedops.kafka.bootstrap-servers=" + broker.bootstrap(),
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + postgresPort + "/alert_router",
                "--spring.r2dbc.username=postgres", "--spring.r2dbc.password=postgres",
                "--spring.flyway.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/alert_router",
                "--spring.flyway.user=postgres", "--spring.flyway.password=postgres",
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + jwtSecret,
                "--wedops.security.scrape-token-file=" + scrapeToken));
        System.out.println("[bench-stack] alert-router: " + String.join(" ", command));
        ChildJvm router = ChildJvm.start("alert-router", command, root.resolve("logs").resolve("alert-router.log"));
        stops.add(() -> router.stop(Duration.ofSeconds(20)));

        HttpClient http = HttpClient.newHttpClient();
        awaitReady(http, router, routerPort);
        System.out.printf("[bench-stack] alert-router ready on %d (%.1f s)%n", routerPort, (System.nanoTime() - started) / 1e9);
        checkRouting(http, routerPort, routingFile);

        Files.writeString(readyFile, "pids " + router.pid() + " " + broker.pid() + "\n");
        System.out.println("READY");
        new CountDownLatch(1).await();
    }

    /** The local stack's PostgreSQL: zonky's binaries, the data (and postmaster.pid, which run.sh reads) in {@code postgres/}. */
    private static EmbeddedPostgres startPostgres(Path root, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(root.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("logs").resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("logs").resolve("postgres.log").toFile()));
        if ("1".equals(System.getenv("BENCH_PG_LOG"))) {
            // diagnosis only: slow statements and lock waits into the bench PostgreSQL's log (a fresh instance per run)
            builder.setServerConfig("log_min_duration_statement", "20ms")
                    .setServerConfig("log_lock_waits", "on")
                    .setServerConfig("deadlock_timeout", "20ms");
            System.out.println("[bench-stack] PostgreSQL logs statements over 20 ms and lock waits over 20 ms");
        }
        return builder.start();
    }

    private static void awaitReady(HttpClient http, ChildJvm router, int port) throws Exception {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (true) {
            if (!router.isAlive()) {
                throw new IllegalStateException("alert-router exited; last lines:\n" + router.tail(30));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("alert-router not ready in 240 s; see " + router.log());
            }
            Thread.sleep(500);
        }
    }

    /** The routes in force must be the bench's (its webhook receiver named "bench-webhook"), not the built-in defaults. */
    private static void checkRouting(HttpClient http, int port, Path routingFile) throws Exception {
        HttpResponse<String> routes = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/routes"))
                .header("Authorization", "Bearer " + TestTokens.withRoles("VIEWER")).build(), HttpResponse.BodyHandlers.ofString());
        if (routes.statusCode() != 200 || !routes.body().contains("bench-webhook")) {
            throw new IllegalStateException("the alert-router does not serve the bench routing " + routingFile
                    + " (WEDOPS_ALERT_ROUTING_FILE); GET /api/alerts/routes answered " + routes.statusCode() + ": " + routes.body());
        }
        System.out.println("[bench-stack] routing in force is the bench's (from WEDOPS_ALERT_ROUTING_FILE): "
                + routes.body().substring(0, Math.min(300, routes.body().length())) + " …");
    }

    private static Path secretFile(Path file, String secret) throws IOException {
        Files.writeString(file, secret);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        return file;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
