package org.wedops.alert.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.alert.lifecycle.AlertLifecycle.Decision;
import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.events.AlertStatus;

class AlertLifecycleTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}, notify {3}, new episode {4}")
    @CsvSource(nullValues = "-", textBlock = """
            -,            FIRING,   FIRING,       FIRING,   true
            FIRING,       FIRING,   FIRING,       NONE,     false
            ACKNOWLEDGED, FIRING,   ACKNOWLEDGED, NONE,     false
            RESOLVED,     FIRING,   FIRING,       FIRING,   true
            FIRING,       RESOLVED, RESOLVED,     RESOLVED, false
            ACKNOWLEDGED, RESOLVED, RESOLVED,     RESOLVED, false
            RESOLVED,     RESOLVED, RESOLVED,     NONE,     false
            -,            RESOLVED, RESOLVED,     NONE,     true
            """)
    void eventsMoveTheAlertAndNotifyOnlyOnRealChanges(AlertState current, AlertStatus incoming, AlertState state, Notify notify, boolean newEpisode) {
        assertThat(AlertLifecycle.apply(current, incoming)).isEqualTo(new Decision(state, notify, newEpisode));
    }
}
