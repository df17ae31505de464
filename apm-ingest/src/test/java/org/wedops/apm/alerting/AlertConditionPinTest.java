package org.wedops.apm.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alerts already stored in users' databases are keyed by these values: they must never change. */
class AlertConditionPinTest {

    @Test
    void aModelConditionWithoutSegmentKeepsTodaysFingerprint() {
        assertThat(AlertCondition.fingerprint("ModelDrift", "fraud-v3", "")).isEqualTo("79783345482e554902da1bb059a42569");
    }

    @Test
    void anSlaConditionKeepsTodaysFingerprint() {
        assertThat(AlertCondition.fingerprint("CheckoutLatency", "checkout|POST /pay")).isEqualTo("c3e2de0d30d544db3a0eaa23fe067d0d");
    }
}
