package org.wedops.health.protectionwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.ProtectionState;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.testsupport.TestProtection;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;

@WedopsIntegrationTest(properties = {"wedops.health.tick=100ms", "wedops.health.confirmations=2"})
class ProtectionWatchIT {

    @Test
    void aWeddingStateWhosePromisedChangeNeverCameRaisesACriticalAlertUntilTheStateIsCurrentAgain() {
        String region = "stale-" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        // the planner said the wedding freeze would change 10 minutes ago, then went silent
        ProtectionState wedding = TestProtection.wedding(region, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(10)),
                "wedding w-9 in progress");

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            TestProtection.publish(wedding);
            Alert stale = alerts.awaitEvent(Alert.class, a -> a.getName().equals(ProtectionWatch.NAME) && region.equals(a.getRegion())
                    && a.getStatus() == AlertStatus.FIRING);
            assertThat(stale.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(stale.getSummary()).contains("is stale").contains("is the scaling-planner running?")
                    .contains("are held until it is current");

            TestProtection.publish(TestProtection.open(region, Instant.now()));
            Alert resolved = alerts.awaitEvent(Alert.class, a -> a.getName().equals(ProtectionWatch.NAME) && region.equals(a.getRegion())
                    && a.getStatus() == AlertStatus.RESOLVED);
            assertThat(resolved.getFingerprint()).isEqualTo(stale.getFingerprint());
        }
    }
}
