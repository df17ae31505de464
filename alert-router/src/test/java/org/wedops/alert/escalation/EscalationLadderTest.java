package org.wedops.alert.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wedops.alert.routing.EscalationPolicy;
import org.wedops.alert.routing.EscalationPolicy.Tier;

class EscalationLadderTest {

    private final EscalationPolicy policy = new EscalationPolicy("critical", List.of(
            new Tier("oncall", Duration.ofMinutes(5), Duration.ofMinutes(2)),
            new Tier("leadership", Duration.ofMinutes(10), null)), 1);

    @Test
    void stepsClimbTheTiersAndRepeatTheLadderThenStop() {
        assertThat(List.of(1, 2, 3)).extracting(step -> EscalationLadder.tierOf(policy, step).receiver())
                .containsExactly("leadership", "oncall", "leadership");
        assertThat(EscalationLadder.lastStep(policy)).isEqualTo(3);
        assertThat(EscalationLadder.hasNext(policy, 2)).isTrue();
        assertThat(EscalationLadder.hasNext(policy, 3)).isFalse();
    }

    @Test
    void weddingDaysUseTheShorterTimeoutWhereOneIsGiven() {
        assertThat(policy.tiers().get(0).timeout(true)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.tiers().get(1).timeout(true)).isEqualTo(Duration.ofMinutes(10));
    }
}
