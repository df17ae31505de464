package org.wedops.deploy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.support.protection.RegionProtection;

class DeploymentGateTest {

    // rollout 10 min + verification 5 min + rollback 10 min, migration 5 min: 30 min in all
    private static final DeploymentBudget BUDGET = new DeploymentBudget(Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(5), Duration.ofMinutes(10));
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-06-03T11:00:00Z");
    private static final Instant FRIDAY_FREEZE = Instant.parse("2026-06-05T17:00:00Z"); // 18:00 Europe/London (BST)
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final Instant MONDAY_OPEN = Instant.parse("2026-06-08T05:00:00Z");   // 06:00 Europe/London

    @Test
    void deployOnAFrozenSaturdayIsRefusedUntilTheFreezeEnds() {
        Instant saturday = Instant.parse("2026-06-06T10:00:00Z");
        GateDecision decision = decideAt(saturday, "uk", frozen(saturday, MONDAY_OPEN, "weekend freeze"), BUDGET);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.nextOpenAt()).isEqualTo(MONDAY_OPEN);
        assertThat(decision.freezeUntil()).isEqualTo(MONDAY_OPEN);
        assertThat(decision.reason()).contains("weekend freeze").contains(MONDAY_OPEN.toString());
    }

    @Test
    void aBudgetThatEndsBeforeTheNextProtectedWindowIsAllowed() {
        GateDecision decision = decideAt(WEDNESDAY_NOON, "uk", open(WEDNESDAY_NOON, FRIDAY_FREEZE), BUDGET);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.needs()).isEqualTo(Duration.ofMinutes(30));
        assertThat(decision.protectedFrom()).isEqualTo(FRIDAY_FREEZE);
    }

    @Test
    void aBudgetEndingExactlyWhenTheWindowBeginsStillFits() {
        Instant now = FRIDAY_FREEZE.minus(Duration.ofMinutes(30));
        assertThat(decideAt(now, "uk", open(now, FRIDAY_FREEZE), BUDGET).allowed()).isTrue();
    }

    @Test
    void aBudgetReachingIntoTheNextProtectedWindowIsRefusedWithTheTimeItNeeds() {
        Instant now = FRIDAY_FREEZE.minus(Duration.ofMinutes(29));
        GateDecision decision = decideAt(now, "uk", open(now, FRIDAY_FREEZE), BUDGET);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.needs()).isEqualTo(Duration.ofMinutes(30));
        assertThat(decision.protectedFrom()).isEqualTo(FRIDAY_FREEZE);
        assertThat(decision.reason()).contains("needs PT30M").contains(FRIDAY_FREEZE.toString());
    }

    @Test
    void aRollbackAloneMakesTheDifference() {
        Instant now = FRIDAY_FREEZE.minus(Duration.ofMinutes(25));
        DeploymentBudget withoutRollback = new DeploymentBudget(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ZERO);
        assertThat(decideAt(now, "uk", open(now, FRIDAY_FREEZE), withoutRollback).allowed()).isTrue();
        assertThat(decideAt(now, "uk", open(now, FRIDAY_FREEZE), BUDGET).allowed()).isFalse();
    }

    @Test
    void aWeddingInProgressRefusesEvenWithoutAWeekendFreeze() {
        Instant weddingEnds = WEDNESDAY_NOON.plus(Duration.ofHours(8));
        ProtectionState state = ProtectionState.newBuilder(frozen(WEDNESDAY_NOON, weddingEnds, "wedding w-1 in progress"))
                .setFreezeActive(true).setWeddingActive(true).build();
        GateDecision decision = decideAt(WEDNESDAY_NOON, "uk", state, BUDGET);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.nextOpenAt()).isEqualTo(weddingEnds);
    }

    @Test
    void anEmergencyWithoutAnEndRefusesWithoutANextOpening() {
        ProtectionState state = ProtectionState.newBuilder(open(WEDNESDAY_NOON, null)).setEmergency(true).setReasons(List.of("emergency")).build();
        GateDecision decision = decideAt(WEDNESDAY_NOON, "uk", state, BUDGET);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.nextOpenAt()).isNull();
        assertThat(decision.reason()).contains("until the emergency ends");
    }

    @Test
    void anUnknownRegionIsRefused() {
        GateDecision decision = decideAt(WEDNESDAY_NOON, "mars", null, BUDGET);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("unknown");
    }

    @Test
    void aStateWhoseNextChangeHasPassedIsNotTrusted() {
        Instant later = FRIDAY_FREEZE.plus(Duration.ofMinutes(1));
        GateDecision decision = decideAt(later, "uk", open(WEDNESDAY_NOON, FRIDAY_FREEZE), BUDGET);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("out of date");
    }

    @Test
    void noKnownNextChangeLeavesTheRegionOpen() {
        assertThat(decideAt(WEDNESDAY_NOON, "uk", open(WEDNESDAY_NOON, null), BUDGET).allowed()).isTrue();
    }

    @Test
    void aStateLongPastItsNextChangeIsStaleAndRefusedSayingSo() {
        Instant later = FRIDAY_FREEZE.plus(Duration.ofMinutes(3));
        GateDecision decision = decideAt(later, "uk", open(WEDNESDAY_NOON, FRIDAY_FREEZE), BUDGET);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("stale").contains("is the scaling-planner running?");
    }

    @Test
    void anOpenStateIsRefusedUntilTheViewHasReadTheTopicToItsEnd() {
        RegionProtection notCaughtUp = RegionProtection.classify("uk", open(WEDNESDAY_NOON, FRIDAY_FREEZE), false, WEDNESDAY_NOON, STALE_AFTER);
        GateDecision decision = new DeploymentGate(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC)).decide(notCaughtUp, BUDGET);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("has not yet read ops.protection.v1 to its end");
    }

    private static GateDecision decideAt(Instant now, String region, ProtectionState state, DeploymentBudget budget) {
        return new DeploymentGate(Clock.fixed(now, ZoneOffset.UTC)).decide(RegionProtection.classify(region, state, true, now, STALE_AFTER), budget);
    }

    private static ProtectionState open(Instant at, Instant nextChangeAt) {
        return state(at, false, null, List.of(), nextChangeAt);
    }

    private static ProtectionState frozen(Instant at, Instant until, String reason) {
        return state(at, true, until, List.of(reason), until);
    }

    private static ProtectionState state(Instant at, boolean frozen, Instant until, List<String> reasons, Instant nextChangeAt) {
        return ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setRegion("uk")
                .setTimeZone("Europe/London").setLevel(ProtectionLevel.NORMAL).setProfile(ThresholdProfile.STANDARD)
                .setFreezeActive(frozen).setFreezeUntil(until).setReasons(reasons).setNextChangeAt(nextChangeAt).build();
    }
}
