package org.wedops.alert.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.alert.grouping.AlertGroups.Group;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.InhibitRule;
import org.wedops.alert.routing.LabelMatcher;
import org.wedops.alert.silence.Silence;

class GroupFlushPlanTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");
    private static final Duration REPEAT = Duration.ofHours(4);
    /** Silences alerts labelled quiet=yes until NOW + 30 min. */
    private static final Silence QUIET = new Silence(UUID.randomUUID(), List.of(LabelMatcher.parse("quiet=\"yes\"")), NOW.minusSeconds(60),
            NOW.plus(Duration.ofMinutes(30)), "ops", "maintenance", false, null, null);
    /** A CRITICAL firing anywhere hides the other alerts of its service. */
    private static final InhibitRule CRITICAL_HIDES_LOWER = new InhibitRule(List.of(LabelMatcher.parse("severity=\"CRITICAL\"")),
            List.of(LabelMatcher.parse("severity=~\"HIGH|MEDIUM|LOW\"")), List.of("service"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                            | state    | told as | labels     | critical elsewhere | last flush (min ago) | send  | firing | resolved | dropped | next (min from now)
            a new firing alert is told                             | FIRING   | -       | -          | false              | -                    | true  | 1      | 0        | 0       | 240
            a silenced alert is held back until its silence ends   | FIRING   | -       | quiet=yes  | false              | -                    | false | 0      | 0        | 0       | 30
            an inhibited alert is held back with no flush planned  | FIRING   | -       | -          | true               | -                    | false | 0      | 0        | 0       | -
            an alert told firing that resolved is told resolved    | RESOLVED | FIRING  | -          | false              | 10                   | true  | 0      | 1        | 1       | -
            an alert never told firing resolves silently           | RESOLVED | -       | -          | false              | 10                   | false | 0      | 0        | 1       | -
            an unchanged group is not told again before the repeat | FIRING   | FIRING  | -          | false              | 10                   | false | 1      | 0        | 0       | 230
            an unchanged group is told again once the repeat is due | FIRING  | FIRING  | -          | false              | 240                  | true  | 1      | 0        | 0       | 240
            """)
    void oneMember(String situation, AlertState state, String toldAs, String labels, boolean criticalElsewhere, Long lastFlushMinutesAgo,
                   boolean send, int firing, int resolved, int dropped, Long nextMinutes) {
        StoredAlert member = alert("fp-1", "HIGH", state, labels);
        Map<String, String> notified = new HashMap<>();
        notified.put("fp-1", toldAs);
        List<Map<String, String>> sources = criticalElsewhere ? List.of(Map.of("severity", "CRITICAL", "service", "checkout")) : List.of();

        GroupFlushPlan plan = GroupFlushPlan.of(group(lastFlushMinutesAgo), notified, List.of(member), StoredAlert::labels, List.of(QUIET),
                List.of(CRITICAL_HIDES_LOWER), sources, NOW);

        assertThat(plan.send()).isEqualTo(send);
        assertThat(plan.firing()).hasSize(firing);
        assertThat(plan.resolved()).hasSize(resolved);
        assertThat(plan.dropped()).hasSize(dropped);
        assertThat(plan.nextFlush()).isEqualTo(nextMinutes == null ? null : NOW.plus(Duration.ofMinutes(nextMinutes)));
        assertThat(plan.told()).isEqualTo(firing == 1 ? Map.of("fp-1", "FIRING") : Map.of());
    }

    @Test
    void aSilencedMemberBringsTheNextFlushForwardWhileTheOthersAreTold() {
        StoredAlert loud = alert("fp-loud", "HIGH", AlertState.FIRING, null);
        StoredAlert quiet = alert("fp-quiet", "HIGH", AlertState.FIRING, "quiet=yes");

        GroupFlushPlan plan = GroupFlushPlan.of(group(null), Map.of(), List.of(loud, quiet), StoredAlert::labels, List.of(QUIET),
                List.of(), List.of(), NOW);

        assertThat(plan.send()).isTrue();
        assertThat(plan.firing()).containsExactly(loud);
        assertThat(plan.nextFlush()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aMutedGroupTellsNothingForgetsNothingAndIsDueWhenTheMuteEnds() {
        Instant until = NOW.plus(Duration.ofHours(2));

        GroupFlushPlan plan = GroupFlushPlan.muted(until);

        assertThat(plan.send()).isFalse();
        assertThat(plan.told()).isEmpty();
        assertThat(plan.dropped()).isEmpty();
        assertThat(plan.nextFlush()).isEqualTo(until);
    }

    private static Group group(Long lastFlushMinutesAgo) {
        Instant last = lastFlushMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(lastFlushMinutesAgo));
        return new Group("g-1", "route-1", "team", null, Map.of("service", "checkout"), Duration.ofMinutes(5), REPEAT, 3, NOW, last);
    }

    private static StoredAlert alert(String fingerprint, String severity, AlertState state, String extraLabel) {
        Map<String, String> labels = new HashMap<>(Map.of("severity", severity, "service", "checkout"));
        if (extraLabel != null) {
            String[] kv = extraLabel.split("=");
            labels.put(kv[0], kv[1]);
        }
        return new StoredAlert(fingerprint, "Latency", severity, "checkout", "uk", "slow", null, "apm-ingest", "STANDARD", null,
                labels, state, NOW.minusSeconds(600), state == AlertState.RESOLVED ? NOW : null, null, null, NOW);
    }
}
