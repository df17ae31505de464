package org.wedops.deploy.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.deploy.DeploymentOrchestratorProperties.Verification;

class VerificationPolicyTest {

    private final VerificationPolicy policy = new VerificationPolicy(new Verification(Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofSeconds(2), 2, 0.05, 2.0, 2.0, Duration.ofMinutes(30), 20));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a CRITICAL target fails whatever the APM says                | crm-1 | 1000 | 1   | 100 | 1000 | 1   | 100 | CRITICAL
            too few requests since the rollout say nothing               |       | 1000 | 1   | 100 | 10   | 9   | 900 |
            error rate above the absolute threshold                      |       | 1000 | 1   | 100 | 100  | 6   | 100 | error rate 6.0%
            error rate above baseline × factor                           |       | 1000 | 10  | 100 | 1000 | 21  | 100 | above baseline
            error rate within baseline × factor                          |       | 1000 | 10  | 100 | 1000 | 20  | 100 |
            p95 above baseline × factor                                  |       | 1000 | 1   | 100 | 1000 | 1   | 201 | p95 201 ms
            p95 within baseline × factor                                 |       | 1000 | 1   | 100 | 1000 | 1   | 200 |
            no baseline: only the absolute threshold judges              |       | 0    | 0   | 0   | 1000 | 40  | 900 |
            """)
    void judgesOneCheck(String rule, String critical, long baseRequests, long baseErrors, double baseP95, long requests, long errors,
                        double p95, String failureContains) {
        Optional<String> failure = policy.failure(critical == null ? List.of() : List.of(critical),
                new ApmStats(baseRequests, baseErrors, baseP95), new ApmStats(requests, errors, p95));
        if (failureContains == null) {
            assertThat(failure).as(rule).isEmpty();
        } else {
            assertThat(failure).as(rule).hasValueSatisfying(why -> assertThat(why).contains(failureContains));
        }
    }
}
