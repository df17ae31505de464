package org.wedops.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.Topics;
import org.wedops.testsupport.SharedPostgres;
import org.wedops.testsupport.TestEvents;

/**
 * PostgreSQL goes away under the running planner and comes back: readiness says DOWN meanwhile, the events that
 * arrived during the outage are retried rather than dead-lettered, and once the database is back the planner applies
 * them by itself, with no restart.
 */
@PlannerIntegrationTest
class DatabaseOutageIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void databaseBack() {
        SharedPostgres.start();
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedOnceItIsBackAndNoneIsDeadLettered() {
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);
        String wedding = PlannerEvents.uniqueId("outage");
        String service = PlannerEvents.uniqueId("outage-svc");
        String deployment = UUID.randomUUID().toString();
        long failedBefore = failedDeliveries();

        SharedPostgres.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 503);
        TestEvents.send(Topics.WEDDINGS, wedding, PlannerEvents.wedding(wedding, "uk", "Europe/London", "2027-06-05", "14:00", "23:00",
                "GREEK", 180, 1));
        TestEvents.send(Topics.DEPLOYMENTS, service, DeploymentEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setDeploymentId(deployment).setService(service).setEnvironment("prod")
                .setRegion("uk").setVersion("2.0.0").setPhase(DeploymentPhase.ROLLING_OUT).setRequestedBy("it").build());
        // the listeners have tried the new records against the missing database and failed: the outage is real
        await().atMost(Duration.ofSeconds(90)).until(() -> failedDeliveries() >= failedBefore + 2);

        SharedPostgres.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from wedding where id = :k", wedding) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from deployment_status where deployment_id = :k", deployment) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);
        // applied means not dead-lettered: the error handler either retries a record or skips it to the .dlt, never both
        assertThat(count("select count(*) from wedding where id = :k and status = 'SCHEDULED'", wedding)).isOne();
    }

    private int readinessStatus() {
        return web.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value();
    }

    /** Listener deliveries that ended in an error, from spring-kafka's listener observations. */
    private long failedDeliveries() {
        return meters.find("spring.kafka.listener").timers().stream()
                .filter(timer -> !"none".equals(timer.getId().getTag("error")))
                .mapToLong(Timer::count).sum();
    }

    private long count(String sql, String key) {
        try {
            return db.sql(sql).bind("k", key).map(row -> row.get(0, Number.class).longValue()).one().block(Duration.ofSeconds(10));
        } catch (RuntimeException databaseNotBackYet) {
            return -1;
        }
    }
}
