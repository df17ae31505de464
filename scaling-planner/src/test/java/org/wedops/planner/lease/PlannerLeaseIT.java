package org.wedops.planner.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ScalingDecision;
import org.wedops.events.Topics;
import org.wedops.planner.PlannerEvents;
import org.wedops.planner.PlannerIntegrationTest;
import org.wedops.planner.TestDeployments;
import org.wedops.planner.scaling.ScalingLoop;
import org.wedops.testsupport.TestEvents;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.MutableClock;

@PlannerIntegrationTest
class PlannerLeaseIT {

    @Autowired
    DatabaseClient db;

    @Autowired
    PlannerLease lease;

    @Autowired
    ScalingLoop scaling;

    @Autowired
    MutableClock clock;

    @Autowired
    KubernetesClient kubernetes;

    @Test
    void aSecondInstanceCannotTakeTheLeaseWhileTheFirstHoldsItAndTakesOverOnceItRunsOut() {
        String name = PlannerEvents.uniqueId("lease");
        PlannerLease first = new PlannerLease(db, name, Duration.ofSeconds(2), "first");
        PlannerLease second = new PlannerLease(db, name, Duration.ofSeconds(2), "second");

        assertThat(first.renew().block()).isTrue();
        assertThat(second.renew().block()).isFalse();
        assertThat(first.renew().block()).as("the holder renews").isTrue();
        assertThat(second.isHeld()).isFalse();

        // the first stops renewing (it died): once its lease ran out, the second takes over and the first cannot come back
        await().atMost(Duration.ofSeconds(6)).until(() -> second.renew().block());
        assertThat(first.renew().block()).isFalse();
        assertThat(first.isHeld()).isFalse();

        second.release().block();
        assertThat(first.renew().block()).as("a released lease is free at once").isTrue();
    }

    @Test
    void thePlannerDoesNotScaleWhileAnotherInstanceHoldsTheLease() {
        await().until(lease::isHeld);
        db.sql("delete from manual_override").fetch().rowsUpdated().block();
        TestDeployments.reset(kubernetes, 10);
        clock.set(Instant.parse("2026-03-04T13:00:00Z"));
        db.sql("update planner_lease set holder = 'another-instance', until = clock_timestamp() + interval '1 hour' where name = 'scaling-planner'")
                .fetch().rowsUpdated().block();
        try (TopicProbe<SpecificRecord> decisions = TopicProbe.events(Topics.SCALING)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !lease.isHeld());
            String id = PlannerEvents.uniqueId("w");
            TestEvents.send(Topics.WEDDINGS, id, PlannerEvents.wedding(id, PlannerIntegrationTest.REGION, "Europe/London", "2026-03-04",
                    "12:00", "18:00", "INDIAN", 1000, 1)); // load 20: MAXIMUM, 50 replicas
            scaling.decideAll().block();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> decisions.seen(r -> r.value() instanceof ScalingDecision d
                    && d.getOccurredAt().equals(clock.instant())).isEmpty());

            db.sql("delete from planner_lease where name = 'scaling-planner'").fetch().rowsUpdated().block();
            await().atMost(Duration.ofSeconds(5)).until(lease::isHeld);
            // once it holds the lease again, the planner acts on what it missed
            decisions.awaitEvent(ScalingDecision.class, d -> d.getService().equals(PlannerIntegrationTest.SERVICE)
                    && d.getOccurredAt().equals(clock.instant()) && d.getToReplicas() == 50);
        } finally {
            db.sql("delete from wedding where region = :r").bind("r", PlannerIntegrationTest.REGION).fetch().rowsUpdated().block();
        }
    }
}
