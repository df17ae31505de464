package org.wedops.health.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.probe.ProbeResult;
import org.wedops.health.targets.HealthTarget;

class HealthClassifierTest {

    private static final ThresholdProperties DEFAULTS = new ThresholdProperties(null, null, null);

    @ParameterizedTest(name = "{0} ms, HTTP {1}, {2} -> {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            120  | 200 | STANDARD    | HEALTHY  | -
            120  | 500 | STANDARD    | CRITICAL | HTTP 500
            120  | 503 | WEDDING_DAY | CRITICAL | HTTP 503
            120  | 404 | STANDARD    | DEGRADED | HTTP 404 (expected 2xx)
            900  | 200 | STANDARD    | HEALTHY  | -
            900  | 200 | PEAK_SEASON | DEGRADED | response 900 ms > 800 ms
            600  | 200 | WEDDING_DAY | DEGRADED | response 600 ms > 500 ms
            1500 | 200 | STANDARD    | DEGRADED | response 1500 ms > 1000 ms
            """)
    void responsesAreClassifiedUnderTheRegionsProfile(long millis, int status, ThresholdProfile profile, HealthStatus expected, String reason) {
        Classification result = HealthClassifier.classify(target(null, null), ProbeResult.response(status, Duration.ofMillis(millis), "{}"),
                DEFAULTS.forProfile(profile));

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.reasons()).isEqualTo(reason == null ? List.of() : List.of(reason));
    }

    @ParameterizedTest
    @CsvSource({"timeout after 2000 ms", "connection refused"})
    void noResponseIsCriticalWithTheFailureAsReason(String failure) {
        ProbeResult result = failure.startsWith("timeout") ? ProbeResult.timeout(Duration.ofMillis(2000))
                : ProbeResult.failed(Duration.ofMillis(3), failure);

        assertThat(HealthClassifier.classify(target(null, null), result, DEFAULTS.forProfile(ThresholdProfile.STANDARD)))
                .isEqualTo(new Classification(HealthStatus.CRITICAL, List.of(failure)));
    }

    @ParameterizedTest
    @CsvSource({"'{\"status\":\"UP\"}', HEALTHY", "'{\"status\":\"DOWN\"}', CRITICAL"})
    void bodyCheckMustFindTheExpectedText(String body, HealthStatus expected) {
        Classification result = HealthClassifier.classify(target(null, "\"UP\""), ProbeResult.response(200, Duration.ofMillis(5), body),
                DEFAULTS.forProfile(ThresholdProfile.STANDARD));

        assertThat(result.status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"503, HEALTHY", "200, DEGRADED"})
    void anExplicitExpectedStatusReplacesTheTwoHundredsRule(int status, HealthStatus expected) {
        Classification result = HealthClassifier.classify(target(503, null), ProbeResult.response(status, Duration.ofMillis(5), ""),
                DEFAULTS.forProfile(ThresholdProfile.STANDARD));

        assertThat(result.status()).isEqualTo(expected);
    }

    private static HealthTarget target(Integer expectedStatus, String bodyContains) {
        return new HealthTarget("t", "http://localhost/health", "crm", "uk", 10, 2000, expectedStatus, bodyContains, false,
                Instant.EPOCH, "test");
    }
}
