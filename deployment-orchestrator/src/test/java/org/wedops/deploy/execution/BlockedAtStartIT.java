package org.wedops.deploy.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wedops.deploy.DeployIntegrationTest;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.events.Alert;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.Topics;
import org.wedops.testsupport.TopicProbe;

/**
 * A deployment is checked against the gate again when an instance starts it: one waiting for a region whose protection
 * nobody has published is blocked, not rolled out, and a human hears why.
 */
@DeployIntegrationTest
class BlockedAtStartIT {

    @Autowired
    DeploymentStore store;

    @Autowired
    DeploymentRunner runner;

    @Test
    void aWaitingDeploymentToARegionOfUnknownProtectionIsBlockedWithAnAlertSayingWhy() {
        UUID id = UUID.randomUUID();
        String region = "unpublished-" + id.toString().substring(0, 6);
        try (TopicProbe<SpecificRecord> deployments = TopicProbe.events(Topics.DEPLOYMENTS);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            // as if it had passed the gate just before the region's state went away
            store.insert(new DeploymentStore.NewDeployment(id, "it-cmd", "blocked-" + id.toString().substring(0, 6), region, "9.9.9",
                    "it", null, false, null, null, Instant.now())).block();
            runner.wakeUp();

            DeploymentEvent blocked = deployments.awaitEvent(DeploymentEvent.class,
                    e -> e.getDeploymentId().equals(id.toString()) && e.getPhase() == DeploymentPhase.BLOCKED);
            assertThat(blocked.getDetail()).contains("protection of region " + region + " unknown");
            Alert alert = alerts.awaitEvent(Alert.class, a -> id.toString().equals(a.getLabels().get("deploymentId")));
            assertThat(alert.getName()).isEqualTo("DeploymentBlocked");
            assertThat(alert.getSummary()).contains("was not deployed").contains("unknown");
        }
    }
}
