package org.wedops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;
import org.wedops.localstack.security.JwtMinter;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.testsupport.SharedKafka;
import org.wedops.testsupport.SharedPostgres;

/**
 * The real apm-ingest jar in a JVM of its own, killed with SIGKILL while samples stream in and started again: the
 * windows it stores must count every sample exactly once (exactly-once v2 across the crash).
 */
class ApmIngestKilledMidStreamEndToEndTest {

    private static final int SERIES = 8;
    private static final int SAMPLES = 24_000;
    /** Above the broker's group.min.session.timeout.ms (6 s), with room for a heartbeat late on a loaded machine. */
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(service -> service.stop(Duration.ofSeconds(15)));
    }

    @Test
    void killedAndRestartedMidStreamItLosesAndDoubleCountsNothing() throws Exception {
        Path work = Files.createDirectories(buildDirectory().resolve("apm-kill"));
        Path secretFile = work.resolve("jwt-secret").toAbsolutePath();
        String token = new JwtMinter(JwtSecret.loadOrCreate(secretFile)).mint("e2e-test", List.of("VIEWER"), null, Instant.now(), Duration.ofHours(1));
        List<String> arguments = new ArrayList<>(List.of("--wedops.kafka.bootstrap-servers=" + SharedKafka.brokers(),
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile,
                "--wedops.apm.windows.state-dir=" + work.resolve("streams-state-" + UUID.randomUUID()),
                "--wedops.apm.windows.commit-interval=200ms",
                // the killed instance leaves its members in the windows' and the window store's groups: their partitions
                // reach the successor only once the broker gives up on them (45 s by default, most of this test's wait)
                "--spring.kafka.streams.properties.session.timeout.ms=" + SESSION_TIMEOUT_MS,
                "--spring.kafka.consumer.properties.session.timeout.ms=" + SESSION_TIMEOUT_MS));
        arguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("apm_ingest")));
        int port = freePort();
        ServiceProcess first = start(work, port, arguments);

        String service = "killtest-" + UUID.randomUUID().toString().substring(0, 8);
        // stamped as they are sent, as an emitter does: a sample stamped ahead of its record is clamped, and the windows
        // of a quiet stream close on the wall clock, so nothing has to push stream time along
        Instant begun = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < SAMPLES; i++) {
                    ApmSample sample = sample(service, "op-" + (i % SERIES), Instant.now().truncatedTo(ChronoUnit.MILLIS));
                    producer.send(new ProducerRecord<>(Topics.APM_SAMPLES, key(sample), sample));
                    if (sent.incrementAndGet() % 1_000 == 0) {
                        producer.flush();
                        pause(200);
                    }
                }
                producer.flush();
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= SAMPLES / 3);
            first.child().process().destroyForcibly().waitFor();
            ServiceProcess second = start(work, port, arguments);
            stream.get();
            assertThat(second.isAlive()).isTrue();
            Instant last = Instant.now();

            HttpClient http = HttpClient.newHttpClient();
            URI counts = URI.create(second.baseUrl() + "/api/apm/metrics?metric=duration&aggregation=count&interval=1h&from="
                    + begun.truncatedTo(ChronoUnit.HOURS) + "&to=" + last.plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES)
                    + "&service=" + service);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> counted(http, counts, token) >= SAMPLES);
            assertThat(counted(http, counts, token)).isEqualTo(SAMPLES);
        }
    }

    private ServiceProcess start(Path work, int port, List<String> arguments) {
        ServiceProcess service = ServiceProcess.start("apm-ingest", buildDirectory().resolve("services/apm-ingest.jar"), port, arguments,
                work.resolve("apm-ingest-" + started.size() + ".log"));
        started.add(service);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    private static long counted(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher values = VALUE.matcher(response.body());
        long total = 0;
        while (values.find()) {
            total += (long) Double.parseDouble(values.group(1));
        }
        return total;
    }

    private static ApmSample sample(String service, String operation, Instant at) {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setKind(ApmSampleKind.HTTP)
                .setService(service).setOperation(operation).setRegion("uk").setEnvironment("prod").setTimestamp(at)
                .setDurationMs(50 + (at.toEpochMilli() % 200)).setSuccess(true).build();
    }

    private static String key(ApmSample sample) {
        return String.join("|", sample.getKind().name(), sample.getService(), sample.getOperation(), "", sample.getRegion(), sample.getEnvironment());
    }

    private static KafkaProducer<String, SpecificRecord> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.brokers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new AvroEventSerializer());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // pacing the emitter, not waiting for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path buildDirectory() {
        try {
            return Path.of(ApmIngestKilledMidStreamEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
