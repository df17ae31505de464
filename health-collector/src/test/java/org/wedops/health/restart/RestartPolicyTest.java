package org.wedops.health.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {

    @ParameterizedTest(name = "auto={0} source={1} protected={2} budget={3} manual={4} emergency={5} -> {6} ({7})")
    @CsvSource(delimiter = '|', textBlock = """
            true  | true  | false | true  | false | false | true  | automatic restart
            false | true  | false | true  | false | false | false | auto-restart is not enabled for it
            true  | false | false | true  | false | false | false | its source cannot restart it
            true  | true  | true  | true  | false | false | false | protected window (wedding w-1) until 2026-06-06T23:30:00Z
            true  | true  | false | false | false | false | false | restart budget spent
            false | true  | false | false | true  | false | true  | restart by hand
            false | true  | true  | true  | true  | false | false | protected window (wedding w-1) until 2026-06-06T23:30:00Z
            false | true  | true  | true  | true  | true  | true  | emergency restart by hand
            """)
    void restartsHappenOnlyWhenEveryRuleAllows(boolean auto, boolean source, boolean protectedWindow, boolean budget, boolean manual,
                                               boolean emergency, boolean restart, String reason) {
        RestartPolicy.Decision decision = RestartPolicy.decide(new RestartPolicy.Situation(auto, source, protectedWindow,
                Instant.parse("2026-06-06T23:30:00Z"), "wedding w-1", budget, manual, emergency));

        assertThat(decision).isEqualTo(new RestartPolicy.Decision(restart, reason));
    }
}
