package org.wedops.support.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ProtectionViewHealthIndicatorTest {

    private final ProtectionStates view = new ProtectionStates(Clock.fixed(Instant.parse("2026-06-06T12:00:00Z"), ZoneOffset.UTC),
            new ProtectionViewProperties(Duration.ofMinutes(2), Duration.ofSeconds(1)));

    @Test
    void aViewThatHasNotReadTheTopicToItsEndIsOutOfServiceAndSaysEveryRegionCountsAsProtected() {
        Health health = new ProtectionViewHealthIndicator(view).health(true);

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("reason").toString()).contains("ops.protection.v1").contains("protected");
    }
}
