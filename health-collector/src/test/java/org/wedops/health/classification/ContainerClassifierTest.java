package org.wedops.health.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;

class ContainerClassifierTest {

    private static final ThresholdProperties DEFAULTS = new ThresholdProperties(null, null, null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            healthy container                 | true  | running | -   | healthy   | 0 | true  | 0 | -         | 10 | 40 | STANDARD    | HEALTHY  | -
            exited                            | false | exited  | 137 | -         | 0 | true  | 0 | -         | -  | -  | STANDARD    | CRITICAL | state exited (exit code 137)
            failing healthcheck               | true  | running | -   | unhealthy | 3 | true  | 0 | -         | 5  | 40 | STANDARD    | CRITICAL | failing streak 3: connection refused
            memory over standard threshold    | true  | running | -   | healthy   | 0 | true  | 0 | -         | 10 | 91 | STANDARD    | DEGRADED | memory 91% > 90%
            memory fine normally, not on a wedding day | true | running | - | healthy | 0 | true | 0 | -   | 10 | 85 | WEDDING_DAY | DEGRADED | memory 85% > 80%
            restarted often                   | true  | running | -   | -         | 0 | true  | 4 | -         | -  | -  | STANDARD    | DEGRADED | restarted 4 times in 10 min
            OOM killed and restarted          | true  | Running | -   | -         | 0 | false | 1 | OOMKilled | -  | -  | STANDARD    | CRITICAL | last termination OOMKilled
            starting                          | true  | running | -   | starting  | 0 | true  | 0 | -         | -  | -  | STANDARD    | UNKNOWN  | health check starting
            """)
    void containersAndPodsAreClassifiedWithTheirReasons(String name, boolean running, String state, Integer exitCode, String health,
                                                       int streak, boolean ready, int restarts, String termination, Double cpu,
                                                       Double memory, ThresholdProfile profile, HealthStatus expected, String reason) {
        ContainerObservation seen = new ContainerObservation(running, state, exitCode, health, streak,
                "connection refused", ready, "app", restarts, termination, cpu, memory);

        Classification result = ContainerClassifier.classify(seen, DEFAULTS.forProfile(profile));

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.reasons()).isEqualTo(reason == null ? List.of() : List.of(reason));
    }

    @Test
    void restartsAreCountedWithinTheSlidingWindowOnly() {
        RestartCounter counter = new RestartCounter();
        Instant t0 = Instant.parse("2026-06-06T12:00:00Z");
        Duration window = Duration.ofMinutes(10);

        assertThat(counter.restartsWithin("c", 5, t0, window)).isZero();
        assertThat(counter.restartsWithin("c", 7, t0.plusSeconds(120), window)).isEqualTo(2);
        assertThat(counter.restartsWithin("c", 8, t0.plusSeconds(500), window)).isEqualTo(3);
        assertThat(counter.restartsWithin("c", 8, t0.plusSeconds(700), window)).isEqualTo(1);
    }
}
