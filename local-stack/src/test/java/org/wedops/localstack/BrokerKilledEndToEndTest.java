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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.wedops.events.ProtectionState;
import org.wedops.events.Topics;
import org.wedops.events.WeddingScheduled;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;
import org.wedops.localstack.kafka.KafkaBrokerProcess;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.testsupport.SharedPostgres;

/**
 * The real broker of the local stack, SIGKILLed under a running scaling-planner and started again on the same log
 * directory: the planner must outlive the outage (no crash, no dead letter) and take every wedding sent before, during
 * and after it into its protection states. Its own broker, not the shared in-JVM one, because killing that would kill
 * every other test's.
 */
class BrokerKilledEndToEndTest {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration STATE = Duration.ofSeconds(120);

    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private KafkaBrokerProcess broker;

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            services.forEach(service -> System.out.println("--- last lines of " + service.log() + ":\n"
                    + String.join("\n", service.child().lastLogLines(80))));
        }
    };

    @AfterEach
    void stop() {
        services.forEach(service -> service.stop(Duration.ofSeconds(15)));
        if (broker != null) {
            broker.stop(Duration.ofSeconds(15));
        }
    }

    @Test
    void aPlannerOutlivesABrokerKilledAndRestartedAndLosesNoWeddingSentAroundIt() throws Exception {
        Path work = Files.createDirectories(buildDirectory().resolve("broker-kill-" + UUID.randomUUID().toString().substring(0, 8)));
        StackDirectories directories = new StackDirectories(work.resolve(".wedops"));
        Files.createDirectories(directories.logs());
        int brokerPort = freePort();
        int controllerPort = freePort();
        broker = KafkaBrokerProcess.start(Installation.locate(), directories, brokerPort, controllerPort);
        broker.awaitReady(READY);

        Path secretFile = work.resolve("jwt-secret").toAbsolutePath();
        JwtSecret.loadOrCreate(secretFile);
        List<String> arguments = new ArrayList<>(List.of("--wedops.kafka.bootstrap-servers=" + broker.bootstrap(),
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile));
        arguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("planner_broker_kill")));
        ServiceProcess planner = ServiceProcess.start("scaling-planner", buildDirectory().resolve("services/scaling-planner.jar"),
                freePort(), arguments, work.resolve("scaling-planner.log"));
        services.add(planner);
        planner.awaitReady(READY);

        String before = region("before");
        String during = region("during");
        String after = region("after");
        send(before);
        awaitProtection(before);

        broker.child().process().destroyForcibly(); // SIGKILL: no flush, no clean-shutdown marker
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.child().isAlive());
        // sent while the broker is down: the producer holds it until the broker is back (delivery timeout 2 min)
        Thread sender = new Thread(() -> send(during), "send-during-outage");
        sender.start();
        // the planner is not ready while it cannot reach its broker, and it does not die
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness(planner) == 503);
        assertThat(planner.isAlive()).isTrue();

        broker = KafkaBrokerProcess.start(Installation.locate(), directories, brokerPort, controllerPort);
        broker.awaitReady(READY);
        sender.join(Duration.ofMinutes(2).toMillis());
        send(after);

        awaitProtection(during);
        awaitProtection(after);
        await().atMost(Duration.ofSeconds(90)).until(() -> readiness(planner) == 200);
        assertThat(planner.isAlive()).isTrue();
        assertThat(deadLetters()).as("records dead-lettered on " + Topics.WEDDINGS + ".dlt").isZero();
        // the compacted topic still holds the state published before the kill: nothing of it was lost with the broker
        assertThat(protectionStates()).containsKeys(before, during, after);
    }

    private void send(String region) {
        WeddingScheduled wedding = WeddingScheduled.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setWeddingId("w-" + region).setDate(LocalDate.now(ZoneId.of("Europe/London")).toString())
                .setStartTime("00:00").setEndTime("23:59")
                .setRegion(region).setTimeZone("Europe/London").setCulture("OTHER").setGuestCount(120).setDays(1).setVenueType("BARN")
                .build();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new StringSerializer(), new AvroEventSerializer())) {
            producer.send(new ProducerRecord<>(Topics.WEDDINGS, wedding.getWeddingId(), wedding)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the wedding of " + region, e);
        }
    }

    private void awaitProtection(String region) {
        await("a protection state for " + region).atMost(STATE).pollInterval(Duration.ofSeconds(1))
                .until(() -> protectionStates().containsKey(region));
    }

    /** Every region's latest protection state, read from the start of the compacted topic. */
    private Map<String, ProtectionState> protectionStates() {
        Map<String, ProtectionState> latest = new java.util.HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : readAll(Topics.PROTECTION)) {
            if (record.value() instanceof ProtectionState state) {
                latest.put(state.getRegion(), state);
            }
        }
        return latest;
    }

    private int deadLetters() {
        return readAll(Topics.WEDDINGS + ".dlt").size();
    }

    private List<ConsumerRecord<String, SpecificRecord>> readAll(String topic) {
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000),
                new StringDeserializer(), new AvroEventDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static int readiness(ServiceProcess service) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.readinessUrl()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String region(String phase) {
        return "bk-" + phase + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static Path buildDirectory() {
        try {
            return Path.of(BrokerKilledEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
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
