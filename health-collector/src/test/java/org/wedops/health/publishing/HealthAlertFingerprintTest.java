package org.wedops.health.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wedops.events.HealthStatus;

/** Alerts already stored in users' databases are keyed by these values: they must never change. */
class HealthAlertFingerprintTest {

    @Test
    void aTargetAlertKeepsTodaysFingerprint() {
        assertThat(HealthAlertPublisher.fingerprint("web-eu-1", HealthStatus.CRITICAL)).isEqualTo("e7f6ed9fe1d11eb6805019f954b7baac");
    }
}
