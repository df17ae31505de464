package org.wedops.health.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.sun.net.httpserver.HttpServer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.health.HealthCollectorApplication;

/**
 * Issue 8's load: one health-collector polls 1,000 HTTP targets every 10 s and 200 Docker containers every 15 s.
 * Real broker, real PostgreSQL, real dockerd, the real application. Prints achieved checks/s against the rate the
 * intervals ask for, and the lag: how much later than its interval each target was checked again.
 * Run through bench/health-collector/run.sh.
 */
public final class HealthCollectorLoadBench {

    private static final int HTTP_TARGETS = Integer.getInteger("bench.httpTargets", 1000);
    private static final int CONTAINERS = Integer.getInteger("bench.containers", 200);
    private static final Duration HTTP_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DOCKER_INTERVAL = Duration.ofSeconds(15);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 30));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.measureSeconds", 90));
    private static final String IMAGE = "wedops-test/busybox:1";

    private HealthCollectorLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("health-bench");
        System.setProperty("java.io.tmpdir", work.toString());
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.afterPropertiesSet();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database health_collector");
        }
        HttpServer targets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        targets.setExecutor(Executors.newFixedThreadPool(8));
        targets.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        targets.start();
        DockerClient docker = docker();
        List<String> containers = startContainers(docker);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--wedops.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + postgres.getPort() + "/health_collector",
                "--spring.flyway.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/health_collector",
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret=bench-secret-bench-secret-bench-secret-0123",
                "--wedops.health.docker.enabled=true", "--wedops.health.docker.interval=" + DOCKER_INTERVAL.toSeconds() + "s",
                "--wedops.health.docker.labels.wedops.bench=true",
                "--logging.level.root=WARN"));
        // e.g. -Dbench.collectorArgs="--wedops.health.docker.stats-every=1" to measure another setting
        String extra = System.getProperty("bench.collectorArgs", "").strip();
        if (!extra.isEmpty()) {
            arguments.addAll(List.of(extra.split("\\s+")));
        }
        for (int i = 0; i < HTTP_TARGETS; i++) {
            String prefix = "--wedops.health.targets[" + i + "].";
            arguments.addAll(List.of(prefix + "id=http-" + i, prefix + "url=http://127.0.0.1:" + targets.getAddress().getPort() + "/t/" + i,
                    prefix + "service=bench", prefix + "region=uk", prefix + "interval-seconds=" + HTTP_INTERVAL.toSeconds(),
                    prefix + "timeout-ms=2000"));
        }
        ConfigurableApplicationContext collector = SpringApplication.run(HealthCollectorApplication.class, arguments.toArray(String[]::new));
        try {
            Result result = measure(kafka.getBrokersAsString());
            result.print();
        } finally {
            collector.close();
            containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
            targets.stop(0);
            postgres.close();
            kafka.destroy();
        }
        // the broker and clients leave non-daemon threads behind; the run is over
        System.exit(0);
    }

    private record Result(Map<HealthSource, Integer> checks, Map<HealthSource, List<Long>> lagsMillis, Duration window) {

        void print() {
            double expectedHttp = (double) HTTP_TARGETS / HTTP_INTERVAL.toSeconds();
            double expectedDocker = (double) CONTAINERS / DOCKER_INTERVAL.toSeconds();
            System.out.println();
            System.out.println("health-collector load, measured over " + window.toSeconds() + " s after " + WARM_UP.toSeconds() + " s warm-up");
            System.out.printf("%-8s %10s %10s %9s %10s %10s %10s%n", "source", "targets", "expected/s", "achieved/s", "ratio", "lag p99 ms", "lag max ms");
            line(HealthSource.HTTP, HTTP_TARGETS, expectedHttp);
            line(HealthSource.DOCKER, CONTAINERS, expectedDocker);
            double total = (checks.getOrDefault(HealthSource.HTTP, 0) + checks.getOrDefault(HealthSource.DOCKER, 0)) / (double) window.toSeconds();
            System.out.printf("total    %10d %10.1f %10.1f %9.2f%n", HTTP_TARGETS + CONTAINERS, expectedHttp + expectedDocker, total,
                    total / (expectedHttp + expectedDocker));
            System.out.println("lag = time between two checks of a target minus its interval; 'not falling behind' means ratio >= 0.98 and bounded lag");
        }

        private void line(HealthSource source, int count, double expected) {
            double achieved = checks.getOrDefault(source, 0) / (double) window.toSeconds();
            List<Long> lags = new ArrayList<>(lagsMillis.getOrDefault(source, List.of()));
            lags.sort(Long::compare);
            long p99 = lags.isEmpty() ? -1 : lags.get((int) Math.min(lags.size() - 1, Math.ceil(lags.size() * 0.99) - 1));
            long max = lags.isEmpty() ? -1 : lags.get(lags.size() - 1);
            System.out.printf("%-8s %10d %10.1f %10.1f %9.2f %10d %10d%n", source, count, expected, achieved, achieved / expected, p99, max);
        }
    }

    private static Result measure(String brokers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "bench",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
        Map<HealthSource, Integer> counts = new HashMap<>();
        Map<HealthSource, List<Long>> lags = new HashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroEventDeserializer())) {
            consumer.subscribe(List.of(Topics.HEALTH));
            // reading from the start of the topic, checks are counted by when they happened, not when they were read
            Instant start = Instant.now();
            Instant measureFrom = start.plus(WARM_UP);
            Instant end = measureFrom.plus(MEASURE);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!(record.value() instanceof ContainerHealthReported check)) {
                        continue;
                    }
                    Instant at = check.getOccurredAt();
                    Instant previous = lastSeen.put(check.getTargetId(), at);
                    if (at.isBefore(measureFrom)) {
                        continue;
                    }
                    counts.merge(check.getSource(), 1, Integer::sum);
                    if (previous != null) {
                        Duration interval = check.getSource() == HealthSource.DOCKER ? DOCKER_INTERVAL : HTTP_INTERVAL;
                        lags.computeIfAbsent(check.getSource(), s -> new ArrayList<>())
                                .add(Math.max(0, Duration.between(previous, at).minus(interval).toMillis()));
                    }
                }
            }
        }
        return new Result(counts, lags, MEASURE);
    }

    private static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .maxConnections(64).responseTimeout(Duration.ofSeconds(60)).build());
    }

    private static List<String> startContainers(DockerClient docker) throws IOException {
        if (docker.listImagesCmd().withImageNameFilter(IMAGE).exec().isEmpty()) {
            throw new IllegalStateException("image " + IMAGE + " missing: run the health-collector tests once (./wedops test) or bench/health-collector/run.sh");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            String id = docker.createContainerCmd(IMAGE)
                    .withName("bench-" + i + "-" + Long.toHexString(System.nanoTime()))
                    .withCmd("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 5; done")
                    .withLabels(Map.of("wedops.bench", "true", "wedops.service", "bench", "wedops.region", "uk"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            ids.add(id);
        }
        return ids;
    }
}
