package org.wedops.health.restart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.health.restart.ManualRestartRule.Verdict;

class ManualRestartRuleTest {

    @ParameterizedTest(name = "emergency={0} admin={1} reason=''{2}'' -> {3}")
    @CsvSource(nullValues = "null", value = {
            "false, false, null,           ACCEPTED",
            "false, false, '',             ACCEPTED",
            "false, true,  routine,        ACCEPTED",
            "true,  false, venue is down,  NEEDS_ADMIN",
            "true,  false, null,           NEEDS_ADMIN",
            "true,  true,  null,           NEEDS_REASON",
            "true,  true,  '   ',          NEEDS_REASON",
            "true,  true,  venue is down,  ACCEPTED",
    })
    void anEmergencyNeedsAnAdminAndAWrittenReason(boolean emergency, boolean admin, String reason, Verdict expected) {
        assertThat(ManualRestartRule.judge(emergency, admin, reason)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "emergency={0} admin={1}")
    @CsvSource({"false, false", "true, true", "true, false"})
    void aReasonLongerThanTheBoundIsRefusedWhoeverAsks(boolean emergency, boolean admin) {
        String tooLong = "x".repeat(ManualRestartRule.MAX_REASON + 1);
        assertThat(ManualRestartRule.judge(emergency, admin, tooLong)).isEqualTo(Verdict.REASON_TOO_LONG);
        assertThat(ManualRestartRule.judge(emergency, admin, tooLong.substring(1))).isNotEqualTo(Verdict.REASON_TOO_LONG);
    }
}
