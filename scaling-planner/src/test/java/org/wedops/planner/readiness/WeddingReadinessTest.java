package org.wedops.planner.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;
import org.wedops.planner.deployments.DeploymentStatuses.PendingDeployment;
import org.wedops.planner.protection.Interval;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.WeddingTimes;
import org.wedops.planner.readiness.WeddingReadiness.ServiceReadiness;
import org.wedops.planner.scaling.ReplicaPolicy;
import org.wedops.planner.targethealth.TargetHealthStore.UnhealthyTarget;

class WeddingReadinessTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Instant AT = Instant.parse("2026-09-05T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                      | stretch levels (base/peak/emergency) | required | highest
            no protection known: NORMAL's replicas            | -                                    | 10       | NORMAL
            one HIGH stretch                                  | HIGH/false/false                     | 35       | HIGH
            the highest stretch of the window counts          | NORMAL/false/false,MAXIMUM/false/false | 50     | MAXIMUM
            peak season lifts NORMAL to the baseline x 2.5    | NORMAL/true/false                    | 25       | NORMAL
            an emergency raises NORMAL to the emergency floor | NORMAL/false/true                    | 20       | EMERGENCY
            """)
    void theWindowNeedsTheHighestFloorOfItsStretches(String situation, String levels, int required, ProtectionLevel highest) {
        List<Protection> stretches = new ArrayList<>();
        if (levels != null) {
            for (String level : levels.split(",")) {
                String[] parts = level.split("/");
                stretches.add(stretch(ProtectionLevel.valueOf(parts[0]), Boolean.parseBoolean(parts[1]), Boolean.parseBoolean(parts[2])));
            }
        }

        assertThat(WeddingReadiness.requiredReplicas(ReplicaPolicy.defaults(), stretches)).isEqualTo(required);
        assertThat(WeddingReadiness.highestLevel(stretches)).isEqualTo(highest);
    }

    @Test
    void whatTheWindowNeedsStaysWithinTheServicesMinAndMax() {
        ReplicaPolicy small = new ReplicaPolicy(2, 30, 10, 35, 50, 20, 2.5, 600, 1);

        assertThat(WeddingReadiness.requiredReplicas(small, List.of(stretch(ProtectionLevel.MAXIMUM, false, false)))).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                         | weddings (date start end days)             | from                 | to
            one afternoon wedding, 2 h before, 1 h after (BST) | 2026-09-05 13:00 23:00 1                   | 2026-09-05T10:00:00Z | 2026-09-05T23:00:00Z
            past midnight ends the next day                     | 2026-09-05 18:00 02:00 1                   | 2026-09-05T15:00:00Z | 2026-09-06T02:00:00Z
            two weddings: the first start to the last end       | 2026-09-05 11:00 15:00 1,2026-09-05 16:00 22:00 1 | 2026-09-05T08:00:00Z | 2026-09-05T22:00:00Z
            a three-day wedding runs to its last day's end      | 2026-09-04 10:00 20:00 3                   | 2026-09-04T07:00:00Z | 2026-09-06T20:00:00Z
            """)
    void theWindowRunsFromTheFirstFreezeStartToTheLastFreezeEnd(String situation, String weddings, Instant from, Instant to) {
        List<WeddingTimes> times = new ArrayList<>();
        for (String wedding : weddings.split(",")) {
            String[] parts = wedding.trim().split(" ");
            times.add(new WeddingTimes(LocalDate.parse(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]),
                    Integer.parseInt(parts[3]), LONDON));
        }

        assertThat(WeddingReadiness.window(times, TWO_HOURS, ONE_HOUR)).isEqualTo(new Interval(from, to));
    }

    @Test
    void aRegionIsReadyOnlyWithEveryServicePreScaledNoUnhealthyTargetAndNoDeploymentOnItsWay() {
        ServiceReadiness scaled = ServiceReadiness.of("checkout", 35, 35);
        ServiceReadiness short_ = ServiceReadiness.of("payments", 10, 35);
        UnhealthyTarget wifi = new UnhealthyTarget("venue-wifi", "wifi", "uk", "CRITICAL", List.of("timeout"), AT);
        PendingDeployment crm = new PendingDeployment("d-1", "crm", "production", "uk", "2.0", "ROLLING_OUT", false, AT);

        assertThat(WeddingReadiness.problems(List.of(scaled), List.of(), List.of())).isEmpty();
        assertThat(scaled.preScaled()).isTrue();
        assertThat(short_.preScaled()).isFalse();
        assertThat(WeddingReadiness.problems(List.of(scaled, short_), List.of(wifi), List.of(crm))).containsExactly(
                "payments has 10 replicas, the window needs 35",
                "venue-wifi is CRITICAL",
                "deployment d-1 of crm is ROLLING_OUT");
    }

    @Test
    void aServiceWhoseReplicasCouldNotBeReadIsNotPreScaled() {
        assertThat(ServiceReadiness.of("checkout", -1, 2).preScaled()).isFalse();
    }

    private static Protection stretch(ProtectionLevel base, boolean peak, boolean emergency) {
        return new Protection("uk", LONDON, AT, null, emergency ? ProtectionLevel.EMERGENCY : base, base, ThresholdProfile.STANDARD,
                emergency, null, false, false, peak, emergency, 0, 0, List.of("test"));
    }
}
