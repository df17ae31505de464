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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthStatus;
import org.wedops.events.Topics;
import org.wedops.localstack.security.JwtMinter;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.services.ReadinessWait;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.testsupport.SharedKafka;
import org.wedops.testsupport.SharedPostgres;
import org.wedops.testsupport.TopicProbe;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The walking skeleton, as the local stack runs it: the real executable jars of the health collector and the alert
 * router in JVMs of their own, started by the launcher's own {@link ServiceProcess}, against a real broker and a real
 * PostgreSQL. A target that answers 500 must end as a CRITICAL health event, a FIRING alert and a Slack message.
 */
class WalkingSkeletonEndToEndTest {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Path TARGET = buildDirectory();
    private static final Path SERVICES = TARGET.resolve("services");
    private static final Path WORK = TARGET.resolve("walking-skeleton");

    private static final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private static final List<String> slackBodies = new CopyOnWriteArrayList<>();
    private static MockWebServer slack;
    private static MockWebServer failingTarget;
    private static String secret;
    private static ServiceProcess healthCollector;

    @RegisterExtension
    static final TestWatcher SERVICE_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            started.forEach(service -> System.out.println("--- last lines of " + service.log() + ":\n"
                    + String.join("\n", service.child().lastLogLines(60))));
        }
    };

    @BeforeAll
    static void startServices() throws IOException {
        // a second safety net: @AfterAll is skipped if the test JVM is told to exit
        Runtime.getRuntime().addShutdownHook(new Thread(WalkingSkeletonEndToEndTest::stopServices, "e2e-services-stop"));
        Files.createDirectories(WORK);
        Path secretFile = WORK.resolve("jwt-secret").toAbsolutePath();
        secret = JwtSecret.loadOrCreate(secretFile);

        slack = new MockWebServer();
        slack.setDispatcher(always(200, "ok", request -> slackBodies.add(request.getBody() == null ? "" : request.getBody().utf8())));
        slack.start();
        failingTarget = new MockWebServer();
        failingTarget.setDispatcher(always(500, "{\"status\":\"DOWN\"}", request -> { }));
        failingTarget.start();

        String brokers = SharedKafka.brokers();
        List<String> collectorArguments = new ArrayList<>(List.of(
                "--wedops.kafka.bootstrap-servers=" + brokers,
                // the failing target is a local stand-in: loopback allowed as the local stack allows it
                "--wedops.health.probe.allowed-networks=127.0.0.0/8,::1/128",
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile));
        collectorArguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("health_collector")));
        List<String> routerArguments = new ArrayList<>(List.of(
                "--wedops.kafka.bootstrap-servers=" + brokers,
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile,
                "--wedops.alert.slack.webhook-url=" + slack.url("/slack")));
        routerArguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("alert_router")));

        healthCollector = start("health-collector", collectorArguments);
        ServiceProcess alertRouter = start("alert-router", routerArguments);
        ReadinessWait.awaitAll(List.of(healthCollector, alertRouter), READY, ready -> { });
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : started) {
            service.stop(STOP_GRACE);
        }
        closeQuietly(slack);
        closeQuietly(failingTarget);
    }

    @Test
    void aFailingTargetBecomesACriticalHealthEventAFiringAlertAndASlackMessage() throws Exception {
        String id = "e2e-venue-" + UUID.randomUUID().toString().substring(0, 8);
        String adminToken = new JwtMinter(secret).mint("e2e-test", List.of("ADMIN"), null, Instant.now(), Duration.ofHours(1));

        try (TopicProbe<SpecificRecord> health = TopicProbe.events(Topics.HEALTH);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            HttpResponse<String> registered = register(id, failingTarget.url("/health").toString(), adminToken);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            ContainerHealthReported critical = health.awaitEvent(ContainerHealthReported.class,
                    event -> event.getTargetId().equals(id) && event.getStatus() == HealthStatus.CRITICAL);
            assertThat(critical.getService()).isEqualTo("venue");
            assertThat(critical.getRegion()).isEqualTo("uk");

            Alert firing = alerts.awaitEvent(Alert.class, alert -> alert.getStatus() == AlertStatus.FIRING
                    && (id.equals(alert.getLabels().get("target")) || alert.getSummary().contains(id)));
            assertThat(firing.getService()).isEqualTo("venue");
        }

        await("a Slack message that mentions " + id).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> slackBodies.stream().anyMatch(body -> body.contains(id)));
        assertThat(slackBodies.stream().filter(body -> body.contains(id)).findFirst())
                .hasValueSatisfying(body -> assertThat(body).startsWith("{"));
    }

    private static ServiceProcess start(String name, List<String> arguments) throws IOException {
        ServiceProcess service = ServiceProcess.start(name, SERVICES.resolve(name + ".jar"), freePort(), arguments,
                WORK.resolve(name + ".log"));
        started.add(service);
        return service;
    }

    private static HttpResponse<String> register(String id, String url, String token) throws Exception {
        String json = """
                {"id":"%s","url":"%s","service":"venue","region":"uk","intervalSeconds":1,"timeoutMs":500}""".formatted(id, url);
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthCollector.baseUrl() + "/api/admin/infrastructure/targets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Dispatcher always(int status, String body, java.util.function.Consumer<RecordedRequest> record) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                record.accept(request);
                return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
            }
        };
    }

    /** target/, found from the test classes rather than the working directory, which differs between IDE and Maven. */
    private static Path buildDirectory() {
        try {
            return Path.of(WalkingSkeletonEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(MockWebServer server) {
        if (server != null) {
            server.close();
        }
    }
}
