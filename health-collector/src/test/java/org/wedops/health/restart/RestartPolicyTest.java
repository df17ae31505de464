package org.wedops.health.restart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPolicyTest {

    private static final String WINDOW = "protected window (wedding w-1) until 2026-06-06T23:30:00Z";
    private static final String UNKNOWN = "protection of region uk unknown: the scaling-planner has published no state for it";

    @ParameterizedTest(name = "auto={0} source={1} held off={2} ({3}) budget={4} manual={5} emergency={6} -> {7} ({8})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            true  | true  | false | -       | true  | false | false | true  | automatic restart               | false
            false | true  | false | -       | true  | false | false | false | auto-restart is not enabled for it | false
            true  | false | false | -       | true  | false | false | false | its source cannot restart it    | false
            true  | true  | true  | WINDOW  | true  | false | false | false | WINDOW                          | true
            true  | true  | true  | UNKNOWN | true  | false | false | false | UNKNOWN                         | true
            true  | true  | true  | UNKNOWN | true  | false | true  | false | UNKNOWN                         | true
            true  | true  | false | -       | false | false | false | false | restart budget spent            | false
            false | true  | false | -       | false | true  | false | true  | restart by hand                 | false
            false | true  | true  | WINDOW  | true  | true  | false | false | WINDOW                          | true
            false | true  | true  | UNKNOWN | true  | true  | false | false | UNKNOWN                         | true
            false | true  | true  | WINDOW  | true  | true  | true  | true  | emergency restart by hand       | false
            false | true  | true  | UNKNOWN | true  | true  | true  | true  | emergency restart by hand       | false
            """)
    void restartsHappenOnlyWhenEveryRuleAllows(boolean auto, boolean source, boolean heldOff, String why, boolean budget,
                                               boolean manual, boolean emergency, boolean restart, String reason, boolean byProtection) {
        RestartPolicy.Decision decision = RestartPolicy.decide(new RestartPolicy.Situation(auto, source, heldOff, words(why),
                budget, manual, emergency));

        assertThat(decision).isEqualTo(new RestartPolicy.Decision(restart, words(reason), byProtection));
    }

    private static String words(String name) {
        return name == null ? null : switch (name) {
            case "WINDOW" -> WINDOW;
            case "UNKNOWN" -> UNKNOWN;
            default -> name;
        };
    }
}
