package org.wedops.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.alert.AlertRouterApplication;
import org.wedops.alert.intake.ReceiverStandIn;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.RealInfrastructureInitializer;
import org.wedops.testsupport.TestEvents;

/**
 * The outbox keeps its promise across a stop: an alert accepted by one router process whose Slack delivery has not
 * gone through yet is delivered, once, by the next process. The routers run here as whole applications of their own
 * (own database and consumer group), started and stopped by the test, like a service killed and restarted.
 */
class DeliveryAcrossRestartIT {

    private static final ReceiverStandIn slack = new ReceiverStandIn();

    @AfterAll
    static void stopStandIn() {
        slack.close();
    }

    @Test
    void notificationAcceptedBeforeAStopIsDeliveredOnceByTheNextProcess() throws IOException {
        String service = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        slack.answer("/slack", 500);
        Path routing = Files.createTempFile("alert-routing", ".yml");
        Files.writeString(routing, """
                route:
                  receiver: team
                  group_by: [alertname, service]
                  group_wait: 0s
                  group_interval: 1m
                  repeat_interval: 1h
                receivers:
                  - name: team
                    slack: {}
                """);

        String fingerprint;
        try (ConfigurableApplicationContext first = start(routing)) {
            DatabaseClient db = first.getBean(DatabaseClient.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Alert alert = Alert.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                    .setFingerprint(service + "-down").setName("CheckoutDown").setStatus(AlertStatus.FIRING)
                    .setSeverity(Severity.CRITICAL).setService(service).setRegion("uk").setSummary("checkout is down")
                    .setSource("test").setStartsAt(now).setLabels(Map.of())
                    .build();
            fingerprint = alert.getFingerprint();
            TestEvents.send(Topics.ALERTS, fingerprint, alert);

            // accepted and attempted, but Slack failed: the notification waits in the outbox when the process stops
            await().ignoreExceptions().untilAsserted(() -> assertThat(notification(db, fingerprint))
                    .containsEntry("status", "PENDING")
                    .hasEntrySatisfying("attempts", attempts -> assertThat((Integer) attempts).isPositive()));
        }
        int failedPosts = slack.received("/slack", service).size();

        slack.answer("/slack", 200);
        try (ConfigurableApplicationContext second = start(routing)) {
            DatabaseClient db = second.getBean(DatabaseClient.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notification(db, fingerprint)).containsEntry("status", "DELIVERED"));
            assertThat(slack.received("/slack", service)).hasSize(failedPosts + 1);
            assertThat(db.sql("select count(*) as n from notification_alert where fingerprint = :fp").bind("fp", fingerprint)
                    .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
        }
    }

    private static Map<String, Object> notification(DatabaseClient db, String fingerprint) {
        return db.sql("select n.status, n.attempts from notification n join notification_alert a on a.notification_id = n.id where a.fingerprint = :fp").bind("fp", fingerprint)
                .fetch().one().blockOptional(Duration.ofSeconds(5)).orElse(Map.of());
    }

    private static ConfigurableApplicationContext start(Path routing) {
        Map<String, Object> properties = new HashMap<>(RealInfrastructureInitializer.properties("alert-router-restart"));
        properties.put("spring.application.name", "alert-router-restart");
        properties.put("server.port", "0");
        properties.put("wedops.alert.routing.file", "file:" + routing);
        properties.put("wedops.alert.slack.webhook-url", slack.url("/slack"));
        properties.put("wedops.alert.dispatch.interval", "100ms");
        properties.put("wedops.alert.dispatch.first-retry", "1s");
        properties.put("wedops.alert.dispatch.max-retry", "1s");
        properties.put("wedops.alert.dispatch.max-attempts", "100");
        properties.put("wedops.alert.dispatch.claim-timeout", "2s");
        properties.put("wedops.alert.guard.retries", "0");
        properties.put("wedops.alert.guard.minimum-calls", "100");
        // as command-line arguments, so they win over application.yml like a real launch's would
        return new SpringApplicationBuilder(AlertRouterApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }
}
