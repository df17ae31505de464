package org.wedops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.testsupport.SharedKafka;
import org.wedops.testsupport.SharedPostgres;
import org.wedops.testsupport.TestEvents;

/**
 * The real alert-router jar killed with SIGKILL while a CRITICAL alert's Slack and PagerDuty deliveries are in flight
 * (the receivers hold the first request open), then started again. What a receiver sees is <em>at least once</em>:
 * the delivery the dead process had sent but not recorded is sent again by its successor, so a receiver may see it
 * twice. PagerDuty collapses the two by their dedup key (the alert's fingerprint, the same on both); Slack has no
 * such key, so a channel may show the message twice. Nothing is lost: every notification ends DELIVERED.
 */
class AlertRouterKilledMidDeliveryEndToEndTest {

    private final List<ServiceProcess> started = new ArrayList<>();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private MockWebServer receivers;

    @AfterEach
    void stop() {
        released.countDown();
        started.forEach(service -> service.stop(Duration.ofSeconds(15)));
        if (receivers != null) {
            receivers.close();
        }
    }

    @Test
    void killedMidDeliveryTheSuccessorDeliversAgainSoReceiversSeeAtLeastOnceWithTheSameDedupKey() throws Exception {
        Path work = Files.createDirectories(buildDirectory().resolve("alert-router-kill"));
        String service = "killtest-" + UUID.randomUUID().toString().substring(0, 8);
        receivers = new MockWebServer();
        receivers.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                boolean first = received.stream().noneMatch(earlier -> earlier.getTarget().equals(request.getTarget()));
                received.add(request);
                if (first) {
                    // in flight until the process that sent it is dead
                    released.await(120, TimeUnit.SECONDS);
                }
                return new MockResponse.Builder().code(202).body("{\"status\":\"success\"}").build();
            }
        });
        receivers.start();

        Path routing = work.resolve("routing-" + service + ".yml");
        Files.writeString(routing, """
                route:
                  receiver: critical
                  group_by: [alertname, service]
                  group_wait: 0s
                  group_interval: 1m
                  repeat_interval: 4h
                receivers:
                  - name: critical
                    slack: {}
                    pagerduty: {}
                """);
        Path secretFile = work.resolve("jwt-secret").toAbsolutePath();
        JwtSecret.loadOrCreate(secretFile);
        List<String> arguments = new ArrayList<>(List.of("--wedops.kafka.bootstrap-servers=" + SharedKafka.brokers(),
                "--wedops.security.mode=local",
                "--wedops.security.jwt-secret-file=" + secretFile,
                "--wedops.alert.routing.file=file:" + routing,
                "--wedops.alert.slack.webhook-url=" + receivers.url("/slack"),
                "--wedops.alert.pagerduty.url=" + receivers.url("/pagerduty"),
                "--wedops.alert.pagerduty.routing-key=kill-test-key",
                // the first attempt must stay in flight until the kill, not time out and retry inside the process
                "--wedops.alert.guard.timeout=90s",
                "--wedops.alert.dispatch.claim-timeout=5s",
                "--wedops.alert.dispatch.interval=200ms"));
        arguments.addAll(ServiceArguments.database(SharedPostgres.port(), SharedPostgres.database("alert_router_kill")));
        int port = freePort();
        ServiceProcess first = start(work, port, arguments);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = Alert.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                .setFingerprint(service + "-down").setName("CheckoutDown").setStatus(AlertStatus.FIRING)
                .setSeverity(Severity.CRITICAL).setService(service).setRegion("uk").setSummary(service + " checkout is down")
                .setSource("test").setStartsAt(now).setLabels(Map.of()).build();
        TestEvents.send(Topics.ALERTS, alert.getFingerprint(), alert);

        await().atMost(Duration.ofSeconds(90)).until(() -> requests("/slack", service) == 1 && requests("/pagerduty", service) == 1);
        first.child().process().destroyForcibly().waitFor();
        released.countDown();

        start(work, port, arguments);
        await().atMost(Duration.ofSeconds(90)).until(() -> requests("/slack", service) == 2 && requests("/pagerduty", service) == 2);
        assertThat(received.stream().filter(request -> request.getTarget().equals("/pagerduty"))
                .map(request -> request.getBody().utf8()))
                .hasSize(2).allSatisfy(body -> assertThat(body).contains("\"dedup_key\":\"" + alert.getFingerprint() + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(alert.getFingerprint()) == 2);
    }

    private long requests(String path, String service) {
        return received.stream().filter(request -> request.getTarget().equals(path) && request.getBody() != null
                && request.getBody().utf8().contains(service)).count();
    }

    private static long delivered(String fingerprint) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(SharedPostgres.jdbcUrl("alert_router_kill"), "postgres", "postgres");
             var statement = connection.prepareStatement("""
                     select count(*) from notification n join notification_alert a on a.notification_id = n.id
                     where a.fingerprint = ? and n.status = 'DELIVERED'""")) {
            statement.setString(1, fingerprint);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private ServiceProcess start(Path work, int port, List<String> arguments) {
        ServiceProcess service = ServiceProcess.start("alert-router", buildDirectory().resolve("services/alert-router.jar"), port, arguments,
                work.resolve("alert-router-" + started.size() + ".log"));
        started.add(service);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    private static Path buildDirectory() {
        try {
            return Path.of(AlertRouterKilledMidDeliveryEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
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
