package org.wedops.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.KafkaAccess;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.WeddingScheduled;
import org.wedops.events.serde.AvroEventSerializer;
import org.wedops.localstack.Installation;
import org.wedops.localstack.StackDirectories;
import org.wedops.localstack.security.JwtMinter;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.localstack.services.WedopsService;
import org.wedops.testsupport.SharedPostgres;

/**
 * The local stack's secured broker ({@code --secure-kafka}): a real Kafka in a JVM of its own, formatted with a SCRAM
 * user per principal, TLS from the stack's own CA and the ACLs of {@link KafkaAccess}. Each test tries what an
 * intruder or a misbehaving service would, and the real scaling-planner jar runs against it as its own principal.
 */
class SecuredKafkaEndToEndTest {

    private static Path work;
    private static SecureKafka secure;
    private static KafkaBrokerProcess broker;
    private static ServiceProcess planner;
    private static List<String> plannerArguments;
    private static int plannerPort;
    private static String token;

    @BeforeAll
    static void startTheSecuredBroker() throws IOException {
        work = Files.createDirectories(buildDirectory().resolve("secured-kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        secure = SecureKafka.loadOrCreate(work.resolve("kafka-secure"));
        broker = KafkaBrokerProcess.start(Installation.locate(), new StackDirectories(work), freePort(), freePort(), Optional.of(secure));
        broker.awaitReady(Duration.ofSeconds(90));
        // the planner boots while the other tests try the broker
        Path secretFile = work.resolve("jwt-secret");
        List<String> arguments = new ArrayList<>(List.of("--wedops.kafka.bootstrap-servers=" + broker.bootstrap(),
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile));
        arguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("scaling_planner")));
        arguments.addAll(ServiceArguments.secureKafka(WedopsService.SCALING_PLANNER, secure));
        plannerArguments = List.copyOf(arguments);
        plannerPort = freePort();
        token = new JwtMinter(JwtSecret.loadOrCreate(secretFile)).mint("e2e-test", List.of("VIEWER"), null, Instant.now(), Duration.ofHours(1));
        planner = ServiceProcess.start("scaling-planner", buildDirectory().resolve("services/scaling-planner.jar"), plannerPort, plannerArguments,
                work.resolve("scaling-planner.log"));
    }

    @AfterAll
    static void stop() {
        if (planner != null) {
            planner.stop(Duration.ofSeconds(15));
        }
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void noPrincipalButThePlannerMayWriteTheProtectionState() {
        for (KafkaAccess.Principal principal : KafkaAccess.ALL) {
            if (principal == KafkaAccess.SCALING_PLANNER) {
                continue;
            }
            // without a producer id, as a hostile client would: the broker decides on the topic's ACLs alone (a
            // principal that may write nothing, the gateway, is refused an idempotent producer's id before that)
            assertThatThrownBy(() -> send(withoutIdempotence(principal.name()), Topics.PROTECTION, "uk", openEveryFreeze()))
                    .as(principal.name() + " writing " + Topics.PROTECTION)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theScalingPlannerPrincipalMayWriteTheProtectionState() throws Exception {
        send(KafkaAccess.SCALING_PLANNER.name(), Topics.PROTECTION, "test-region-" + UUID.randomUUID(), openEveryFreeze());
    }

    @Test
    void anEmitterWritesSamplesButNeitherTheProtectionStateNorWeddingsAndReadsNothing() throws Exception {
        // with the login the launcher hands to tools, as an emitter outside the stack would use it
        Properties login = new Properties();
        try (Reader reader = Files.newBufferedReader(secure.toolLogins(KafkaAccess.EMITTER.name()))) {
            login.load(reader);
        }
        Map<String, Object> emitter = new HashMap<>();
        login.forEach((key, value) -> emitter.put(String.valueOf(key), value));
        emitter.put("bootstrap.servers", broker.bootstrap());
        send(emitter, Topics.APM_SAMPLES, "payments", sample());

        assertThatThrownBy(() -> send(KafkaAccess.EMITTER.name(), Topics.WEDDINGS, "w-1", wedding("w-1")))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> firstRecord(KafkaAccess.EMITTER.name(), Topics.APM_SAMPLES, "emitter-reads"))
                .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
    }

    @Test
    void aServiceReadsNeitherWhatItDoesNotConsumeNorInAnotherServicesGroup() {
        assertThatThrownBy(() -> firstRecord(KafkaAccess.HEALTH_COLLECTOR.name(), Topics.WEDDINGS, "health-collector-peek"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> firstRecord(KafkaAccess.HEALTH_COLLECTOR.name(), Topics.PROTECTION, "scaling-planner"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theGatewayReadsWhatTheConsoleShowsInItsLiveGroupAndWritesNothing() throws Exception {
        String alert = "w-gateway-" + UUID.randomUUID().toString().substring(0, 8);
        send(KafkaAccess.HEALTH_COLLECTOR.name(), Topics.ALERTS, alert, alert(alert));
        assertThat(firstRecord(KafkaAccess.GATEWAY.name(), Topics.ALERTS, "gateway-live-" + UUID.randomUUID()))
                .as("the gateway reads ops.alerts.v1 in a live group of its own").isTrue();

        assertThatThrownBy(() -> send(withoutIdempotence(KafkaAccess.GATEWAY.name()), Topics.PROTECTION, "uk", openEveryFreeze()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(withoutIdempotence(KafkaAccess.GATEWAY.name()), Topics.deadLetterOf(Topics.ALERTS), alert, alert(alert)))
                .as("not even the dead letters of what it reads").hasRootCauseInstanceOf(TopicAuthorizationException.class);
        // with no write right anywhere it does not even get an idempotent producer's id
        assertThatThrownBy(() -> send(KafkaAccess.GATEWAY.name(), Topics.PROTECTION, "uk", openEveryFreeze()))
                .hasRootCauseInstanceOf(ClusterAuthorizationException.class);
        assertThatThrownBy(() -> firstRecord(KafkaAccess.GATEWAY.name(), Topics.ALERTS, "alert-router"))
                .as("nor another service's group").isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aWrongPasswordOrAClientWithoutTlsAndSaslGetsNothing() {
        Map<String, Object> forged = new HashMap<>(broker.clientProperties(KafkaAccess.SCALING_PLANNER.name()));
        forged.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"scaling-planner\" password=\"guessed\";");
        assertThatThrownBy(() -> send(forged, Topics.PROTECTION, "uk", openEveryFreeze()))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> plaintext = Map.of("bootstrap.servers", broker.bootstrap());
        assertThatThrownBy(() -> send(plaintext, Topics.PROTECTION, "uk", openEveryFreeze()))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void theSecretsAreTheOwnersAlone() throws IOException {
        for (Path file : List.of(secure.home().resolve("passwords.properties"), secure.home().resolve("server.properties"),
                secure.toolLogins(SecureKafka.ADMIN), secure.home().resolve("admin.kcat.conf"),
                secure.serviceLogin("scaling-planner").resolve("spring.kafka.properties.sasl.jaas.config"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secure.home()))).isEqualTo("rwx------");
    }

    @Test
    void everyServiceLogsInAsItselfWithoutAPasswordOnItsCommandLine() throws IOException {
        assertThat(KafkaAccess.SERVICES).contains(KafkaAccess.GATEWAY);
        for (KafkaAccess.Principal service : KafkaAccess.SERVICES) {
            WedopsService wedops = WedopsService.valueOf(service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            List<String> arguments = ServiceArguments.secureKafka(wedops, secure);
            assertThat(String.join(" ", arguments)).doesNotContain(secure.password(service.name()));
            String tree = arguments.stream().filter(a -> a.startsWith("--spring.config.import=optional:configtree:")).findFirst().orElseThrow()
                    .substring("--spring.config.import=optional:configtree:".length());
            assertThat(Files.readString(Path.of(tree, "spring.kafka.properties.sasl.jaas.config")))
                    .contains("username=\"" + service.name() + "\"", "password=\"" + secure.password(service.name()) + "\"");
        }
    }

    @Test
    void theScalingPlannerRunsAgainstTheSecuredBrokerAsItsOwnPrincipal() throws Exception {
        assertThat(String.join(" ", plannerArguments)).as("no password on the command line").doesNotContain(secure.password("scaling-planner"));
        int port = plannerPort;
        // readiness includes the broker: an admin call as scaling-planner, over TLS
        planner.awaitReady(Duration.ofSeconds(150));

        // what the wedding app sends reaches the planner's calendar: it reads ops.weddings.v1 in its own group
        String id = "w-secured-" + UUID.randomUUID().toString().substring(0, 8);
        send(KafkaAccess.WEDDING_APP.name(), Topics.WEDDINGS, id, wedding(id));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/weddings/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        });
        // and it publishes the protection state as the one principal allowed to
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recordsFromBeginning(Topics.PROTECTION))
                .anySatisfy(record -> assertThat(new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8))
                        .isEqualTo("wedops/scaling-planner")));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void send(String principal, String topic, String key, SpecificRecord event) throws Exception {
        send(broker.clientProperties(principal), topic, key, event);
    }

    /** A producer that asks for no producer id: each send is authorised on its topic's ACLs alone. */
    private static Map<String, Object> withoutIdempotence(String principal) {
        Map<String, Object> client = new HashMap<>(broker.clientProperties(principal));
        client.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        return client;
    }

    private static void send(Map<String, Object> client, String topic, String key, SpecificRecord event) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(), new AvroEventSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Polls {@code topic} in {@code group} as {@code principal}, for 20 s at most; whether a record came. The broker's
     * refusal surfaces as the poll's exception.
     */
    private static boolean firstRecord(String principal, String topic, String group) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Everything on {@code topic}, read as the launcher's super user without a group. */
    private static List<ConsumerRecord<String, byte[]>> recordsFromBeginning(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(broker.clientProperties(SecureKafka.ADMIN),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static ProtectionState openEveryFreeze() {
        return ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setRegion("uk").setTimeZone("Europe/London").setLevel(ProtectionLevel.NORMAL).setProfile(ThresholdProfile.STANDARD)
                .setFreezeActive(false)
                .setReasons(List.of("forged")).build();
    }

    private static Alert alert(String fingerprint) {
        Instant now = Instant.now();
        return Alert.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setFingerprint(fingerprint)
                .setName("ProbeFailing").setStatus(AlertStatus.FIRING).setSeverity(Severity.MEDIUM).setService("payments")
                .setSummary("the payments probe fails").setSource("health-collector").setStartsAt(now).build();
    }

    private static ApmSample sample() {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setKind(ApmSampleKind.HTTP).setService("payments").setOperation("GET /invoices").setRegion("uk").setEnvironment("prod")
                .setTimestamp(Instant.now())
                .setDurationMs(12.5).setSuccess(true).build();
    }

    private static WeddingScheduled wedding(String id) {
        return WeddingScheduled.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setWeddingId(id).setDate(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()).setStartTime("14:00").setEndTime("23:00")
                .setRegion("uk").setTimeZone("Europe/London").setCulture("BRITISH").setGuestCount(120).setDays(1).setVenueType("BARN")
                .build();
    }

    private static Path buildDirectory() {
        try {
            return Path.of(SecuredKafkaEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
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
