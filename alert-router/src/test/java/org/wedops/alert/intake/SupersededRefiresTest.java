package org.wedops.alert.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;

class SupersededRefiresTest {

    private static final Instant T = Instant.parse("2026-06-06T14:00:00Z");

    @Test
    void consecutiveRefiresOfOneAlertCollapseToTheNewestAtThePlaceOfTheFirst() {
        Alert a1 = alert("a", AlertStatus.FIRING, 1);
        Alert b1 = alert("b", AlertStatus.FIRING, 2);
        Alert a2 = alert("a", AlertStatus.FIRING, 3);
        Alert a3 = alert("a", AlertStatus.FIRING, 4);

        assertThat(SupersededRefires.removeFrom(List.of(a1, b1, a2, a3))).containsExactly(a3, b1);
    }

    @Test
    void aChangeOfStatusIsNeverMergedAway() {
        Alert firing = alert("a", AlertStatus.FIRING, 1);
        Alert resolved = alert("a", AlertStatus.RESOLVED, 2);
        Alert firingAgain = alert("a", AlertStatus.FIRING, 3);
        Alert refire = alert("a", AlertStatus.FIRING, 4);

        assertThat(SupersededRefires.removeFrom(List.of(firing, resolved, firingAgain, refire))).containsExactly(firing, resolved, refire);
    }

    @Test
    void anOlderRefireArrivingLastDoesNotReplaceANewerOne() {
        Alert newer = alert("a", AlertStatus.FIRING, 5);
        Alert older = alert("a", AlertStatus.FIRING, 1);

        assertThat(SupersededRefires.removeFrom(List.of(newer, older))).containsExactly(newer);
    }

    private static Alert alert(String fingerprint, AlertStatus status, int second) {
        return Alert.newBuilder()
                .setEventId(fingerprint + "-" + second).setOccurredAt(T.plusSeconds(second))
                .setFingerprint(fingerprint).setName("BenchAlert").setStatus(status).setSeverity(Severity.HIGH)
                .setService("svc").setRegion("uk").setSummary("s").setSource("test").setStartsAt(T)
                .setLabels(Map.of())
                .build();
    }
}
