package org.wedops.health.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.events.HealthStatus.CRITICAL;
import static org.wedops.events.HealthStatus.HEALTHY;

import org.junit.jupiter.api.Test;

class StatusConfirmationTest {

    @Test
    void aSingleBadResultDoesNotChangeAConfirmedHealthyTarget() {
        StatusConfirmation next = StatusConfirmation.first(HEALTHY).next(CRITICAL, 2);

        assertThat(next.confirmed()).isEqualTo(HEALTHY);
        assertThat(next.changedFrom(StatusConfirmation.first(HEALTHY))).isFalse();
    }

    @Test
    void theRequiredNumberOfAgreeingResultsConfirmsTheChange() {
        StatusConfirmation healthy = StatusConfirmation.first(HEALTHY);
        StatusConfirmation once = healthy.next(CRITICAL, 3);
        StatusConfirmation twice = once.next(CRITICAL, 3);
        StatusConfirmation thrice = twice.next(CRITICAL, 3);

        assertThat(twice.confirmed()).isEqualTo(HEALTHY);
        assertThat(thrice.confirmed()).isEqualTo(CRITICAL);
        assertThat(thrice.changedFrom(twice)).isTrue();
    }

    @Test
    void flappingResultsNeverConfirmAChange() {
        StatusConfirmation state = StatusConfirmation.first(HEALTHY);
        for (int i = 0; i < 10; i++) {
            state = state.next(i % 2 == 0 ? CRITICAL : HEALTHY, 2);
            assertThat(state.confirmed()).isEqualTo(HEALTHY);
        }
    }

    @Test
    void aTargetsFirstResultIsConfirmedAtOnce() {
        assertThat(StatusConfirmation.first(CRITICAL).confirmed()).isEqualTo(CRITICAL);
    }
}
