package org.wedops.health.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedRateTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");

    @ParameterizedTest(name = "last due {0}, every {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // never due before: one interval from now
            "null,                 PT10S, 2026-06-06T14:00:10Z",
            // taken late by a tick: the next is still one interval after it was due, not after it was taken
            "2026-06-06T13:59:59.750Z, PT10S, 2026-06-06T14:00:09.750Z",
            "2026-06-06T14:00:00Z, PT10S, 2026-06-06T14:00:10Z",
            // exactly one interval behind: still in step
            "2026-06-06T13:59:50Z, PT10S, 2026-06-06T14:00:00Z",
            // more than an interval behind (a stall): afresh from now, no burst of catch-up checks
            "2026-06-06T13:59:49Z, PT10S, 2026-06-06T14:00:10Z",
            "2026-06-05T14:00:00Z, PT5S,  2026-06-06T14:00:05Z",
    })
    void theNextCheckIsDueOneIntervalAfterTheLastWasDueUnlessThatIsAlreadyPast(Instant lastDue, Duration interval, Instant expected) {
        assertThat(FixedRate.nextDue(lastDue, interval, NOW)).isEqualTo(expected);
    }
}
