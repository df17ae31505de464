package org.wedops.deploy.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.deploy.verification.VerificationProperties.InsufficientData;

class VerificationPolicyTest {

    private static VerificationProperties settings(long minimumRequests, InsufficientData outside) {
        return new VerificationProperties(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 0.05, 2.0, 2.0,
                Duration.ofMinutes(30), minimumRequests, Duration.ofMinutes(5), outside);
    }

    private final VerificationPolicy policy = new VerificationPolicy(settings(20, InsufficientData.FAIL));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a CRITICAL target fails whatever the APM says                | crm-1 | 1000 | 1   | 100 | 1000 | 1   | 100 | FAIL              | CRITICAL
            a CRITICAL target fails even with no requests at all         | crm-1 | 0    | 0   | 0   | 0    | 0   | 0   | FAIL              | CRITICAL
            too few requests since the rollout cannot tell, not pass     |       | 1000 | 1   | 100 | 10   | 9   | 900 | INSUFFICIENT_DATA | 10 requests < minimum 20
            no requests at all cannot tell                               |       | 0    | 0   | 0   | 0    | 0   | 0   | INSUFFICIENT_DATA | 0 requests < minimum 20
            one request short of the minimum cannot tell                 |       | 1000 | 1   | 100 | 19   | 0   | 100 | INSUFFICIENT_DATA | 19 requests
            exactly the minimum is judged                                |       | 1000 | 1   | 100 | 20   | 0   | 100 | PASS              | 20 requests
            error rate above the absolute threshold                      |       | 1000 | 1   | 100 | 100  | 6   | 100 | FAIL              | error rate 6.0%
            error rate above baseline × factor                           |       | 1000 | 10  | 100 | 1000 | 21  | 100 | FAIL              | above baseline
            error rate within baseline × factor                          |       | 1000 | 10  | 100 | 1000 | 20  | 100 | PASS              | 1000 requests
            p95 above baseline × factor                                  |       | 1000 | 1   | 100 | 1000 | 1   | 201 | FAIL              | p95 201 ms
            p95 within baseline × factor                                 |       | 1000 | 1   | 100 | 1000 | 1   | 200 | PASS              | p95 200 ms
            no baseline: only the absolute threshold judges              |       | 0    | 0   | 0   | 1000 | 40  | 900 | PASS              | error rate 4.00%
            a baseline under the minimum is no baseline                  |       | 10   | 0   | 10  | 1000 | 1   | 900 | PASS              | 1000 requests
            """)
    void judgesOneCheckAsPassFailOrInsufficientData(String rule, String critical, long baseRequests, long baseErrors, double baseP95,
                                                    long requests, long errors, double p95, Verdict.Outcome outcome, String reasonContains) {
        Verdict verdict = policy.check(critical == null ? List.of() : List.of(critical),
                new ApmStats(baseRequests, baseErrors, baseP95), new ApmStats(requests, errors, p95));

        assertThat(verdict.outcome()).as(rule).isEqualTo(outcome);
        assertThat(verdict.reason()).as(rule).contains(reasonContains);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inside a protected window too little data fails closed        | FAIL | true  | 3 | FAIL | insufficient data: 3 requests < minimum 50 after 5m; policy fail-closed in a protected window
            inside a protected window PASS outside does not apply         | PASS | true  | 3 | FAIL | policy fail-closed in a protected window
            outside, by default, too little data fails closed too         | FAIL | false | 0 | FAIL | 0 requests < minimum 50 after 5m; policy fail-closed outside protected windows too
            outside, configured PASS passes and says it is unverified     | PASS | false | 0 | PASS | 0 requests < minimum 50 after 5m; policy pass outside protected windows: unverified
            """)
    void decidesTooLittleDataByPolicyAndSaysWhich(String rule, InsufficientData outside, boolean protectedWindow, long requests,
                                                  Verdict.Outcome outcome, String reason) {
        VerificationPolicy configured = new VerificationPolicy(settings(50, outside));

        Verdict verdict = configured.onInsufficientData(new ApmStats(requests, 0, 0), Duration.ofMinutes(5), protectedWindow);

        assertThat(verdict.outcome()).as(rule).isEqualTo(outcome);
        assertThat(verdict.reason()).as(rule).contains(reason);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT0.8S   | 800ms
            PT3S     | 3s
            PT5M     | 5m
            PT1M30S  | 1m30s
            PT1H0M5S | 1h5s
            """)
    void writesDurationsAsOperatorsDo(Duration duration, String words) {
        assertThat(VerificationPolicy.words(duration)).isEqualTo(words);
    }

    @Test
    void settingsThatWouldJudgeOnNoDataAreRefusedAtStartUp() {
        assertThatThrownBy(() -> settings(0, InsufficientData.FAIL)).hasMessageContaining("minimum-requests");
        assertThatThrownBy(() -> new VerificationProperties(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 0.05, 2.0, 2.0,
                Duration.ofMinutes(30), 20, Duration.ofSeconds(-1), InsufficientData.FAIL)).hasMessageContaining("insufficient-data-wait");
    }
}
