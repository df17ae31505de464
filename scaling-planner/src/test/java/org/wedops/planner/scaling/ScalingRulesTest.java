package org.wedops.planner.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;
import org.wedops.planner.protection.Protection;

class ScalingRulesTest {

    private static final ReplicaPolicy POLICY = ReplicaPolicy.defaults();
    private static final Instant NOW = Instant.parse("2026-06-06T10:00:00Z");

    @ParameterizedTest(name = "{0} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                    | level now | peak  | emergency | level ahead | forecast | unhealthy | desired | floor
            NORMAL outside peak season                     | NORMAL    | false | false     | -           | 0        | 0         | 10      | 10
            NORMAL in peak season: baseline x 2.5          | NORMAL    | true  | false     | -           | 0        | 0         | 25      | 25
            HIGH                                           | HIGH      | false | false     | -           | 0        | 0         | 35      | 35
            MAXIMUM in peak season                         | MAXIMUM   | true  | false     | -           | 0        | 0         | 50      | 50
            EMERGENCY over NORMAL raises the floor to 20   | NORMAL    | false | true      | -           | 0        | 0         | 20      | 20
            EMERGENCY over MAXIMUM keeps 50                | MAXIMUM   | false | true      | -           | 0        | 0         | 50      | 50
            pre-scale: HIGH within the lead time           | NORMAL    | false | false     | HIGH        | 0        | 0         | 35      | 35
            forecast above the floor                       | NORMAL    | false | false     | -           | 24000    | 0         | 40      | 10
            unhealthy targets add replicas                 | HIGH      | false | false     | -           | 0        | 3         | 38      | 35
            clamped to max                                 | MAXIMUM   | false | false     | -           | 90000    | 0         | 100     | 50
            """)
    void desiredReplicas(String situation, ProtectionLevel level, boolean peak, boolean emergency, ProtectionLevel ahead, double forecast,
                         int unhealthy, int desired, int floor) {
        Protection now = protection(NOW, level, peak, emergency);
        List<Protection> stretches = new ArrayList<>(List.of(now));
        if (ahead != null) {
            stretches.add(protection(NOW.plus(Duration.ofMinutes(90)), ahead, peak, emergency));
        }

        ScalingRules.Recommendation recommendation = ScalingRules.recommend(POLICY,
                new ScalingRules.Inputs(now, stretches, forecast, 0, unhealthy));

        assertThat(recommendation.desired()).isEqualTo(desired);
        assertThat(recommendation.floor()).isEqualTo(floor);
    }

    @Test
    void preScalingSaysForWhatAndFromWhen() {
        Protection now = protection(NOW, ProtectionLevel.NORMAL, false, false);
        Protection later = protection(NOW.plus(Duration.ofMinutes(90)), ProtectionLevel.HIGH, false, false);

        ScalingRules.Recommendation recommendation = ScalingRules.recommend(POLICY,
                new ScalingRules.Inputs(now, List.of(now, later), 0, 0, 0));

        assertThat(recommendation.reason()).startsWith("pre-scale for HIGH from 2026-06-06T11:30:00Z");
        assertThat(recommendation.inputs()).containsEntry("floorLevel", "HIGH").containsEntry("protectedFloor", "35");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                                  | desired | current | protected | highest recent | to
            scale up at once                             | 35      | 10      | false     | -              | 35
            scale up at once, even inside a window       | 50      | 35      | true      | -              | 50
            nothing to do                                | 35      | 35      | false     | 35             | 35
            never scale down inside a protected window   | 10      | 35      | true      | 10             | 35
            no scale-down before a whole window is seen  | 10      | 35      | false     | -              | 35
            no scale-down while a recent one was higher  | 10      | 35      | false     | 35             | 35
            scale down to the window's highest           | 10      | 35      | false     | 25             | 25
            scale down once stable                       | 10      | 35      | false     | 10             | 10
            """)
    void whetherToMoveNow(String situation, int desired, int current, boolean protectedNow, Integer highestRecent, int to) {
        ScalingRules.Recommendation recommendation = new ScalingRules.Recommendation(desired, desired, "because", Map.of());

        ScalingRules.Decision decision = ScalingRules.decide(recommendation, current, protectedNow, highestRecent, null);

        assertThat(decision.to()).isEqualTo(to);
        assertThat(decision.from()).isEqualTo(current);
    }

    @Test
    void theStabiliserAnswersOnlyOnceAWholeWindowWasWatched() {
        Stabiliser stabiliser = new Stabiliser(Duration.ofMinutes(15));
        Instant t0 = Instant.parse("2026-06-08T09:00:00Z");

        assertThat(stabiliser.recordAndGetHighest("crm", t0, 35)).isNull();
        assertThat(stabiliser.recordAndGetHighest("crm", t0.plus(Duration.ofMinutes(5)), 10)).isNull();
        // at +15 min the window starts at t0, when 35 was recommended
        assertThat(stabiliser.recordAndGetHighest("crm", t0.plus(Duration.ofMinutes(15)), 10)).isEqualTo(35);
        // at +20 min the window starts at +5, when 10 was already in force
        assertThat(stabiliser.recordAndGetHighest("crm", t0.plus(Duration.ofMinutes(20)), 10)).isEqualTo(10);
        // the clock going back starts the watch again
        assertThat(stabiliser.recordAndGetHighest("crm", t0, 10)).isNull();
    }

    private static Protection protection(Instant from, ProtectionLevel level, boolean peak, boolean emergency) {
        return new Protection("uk", ZoneId.of("Europe/London"), from, null, emergency ? ProtectionLevel.EMERGENCY : level, level,
                ThresholdProfile.STANDARD, emergency, null, false, false, peak, emergency, 0, 0, List.of("test"));
    }
}
