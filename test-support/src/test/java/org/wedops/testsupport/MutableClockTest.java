package org.wedops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant SATURDAY = Instant.parse("2026-06-06T10:00:00Z");

    @Test
    void aStandingClockReadsWhereATestPutItUntilItIsMoved() {
        MutableClock clock = new MutableClock(SATURDAY);

        assertThat(clock.instant()).isEqualTo(SATURDAY);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(SATURDAY.plusSeconds(300));
        clock.set(SATURDAY.minusSeconds(3600));
        assertThat(clock.instant()).as("a clock that is not forward-only may go back").isEqualTo(SATURDAY.minusSeconds(3600));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(SATURDAY);
    }

    @Test
    void aTickingClockTicksOnFromWhereATestPutsItAndResetGoesBackToTheWallClock() {
        MutableClock clock = MutableClock.ticking(Duration.ZERO);
        Instant before = Instant.now();
        assertThat(clock.instant()).isBetween(before, Instant.now());

        clock.set(SATURDAY);
        Instant first = clock.instant();
        assertThat(first).isBetween(SATURDAY, SATURDAY.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.instant().isAfter(first));

        clock.reset();
        Instant wall = Instant.now();
        assertThat(clock.instant()).isBetween(wall, Instant.now());
    }

    @Test
    void aTickingClockStartsItsDistanceFromTheWallClock() {
        MutableClock clock = MutableClock.ticking(Duration.ofHours(-1));
        Instant before = Instant.now().minusSeconds(3600);

        assertThat(clock.instant()).isBetween(before, Instant.now().minusSeconds(3600));
    }

    @Test
    void aForwardOnlyClockRefusesEveryMoveIntoItsPastAndKeepsItsReading() {
        MutableClock clock = new MutableClock(SATURDAY).forwardOnly();
        clock.advance(Duration.ofMinutes(1));
        clock.set(SATURDAY.plusSeconds(120));
        clock.set(SATURDAY.plusSeconds(120));

        assertThatIllegalArgumentException().isThrownBy(() -> clock.set(SATURDAY.plusSeconds(119))).withMessageContaining("only moves forward");
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofNanos(-1)));
        assertThatIllegalArgumentException().isThrownBy(clock::reset);
        assertThat(clock.instant()).isEqualTo(SATURDAY.plusSeconds(120));
    }
}
