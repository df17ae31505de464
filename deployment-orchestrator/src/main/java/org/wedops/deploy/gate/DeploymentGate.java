package org.wedops.deploy.gate;

import java.time.Clock;
import java.time.Instant;

import org.wedops.events.ProtectionState;

/**
 * "May I deploy now?" from the region's {@link ProtectionState}, which the scaling-planner publishes: a deployment is
 * allowed only if its whole budget (migration, rollout, verification, a rollback) ends before a protected window may
 * begin. The gate does not re-derive the freeze rules; it reads what the state carries:
 * <ul>
 *     <li>frozen (freeze, wedding in progress, emergency): refused, open again at {@code freezeUntil};</li>
 *     <li>open: the state does not say which change comes next, only when ({@code nextChangeAt}), so a protected
 *     window is assumed to begin there — an over-cautious refusal is cheap, a deploy into a wedding is not;</li>
 *     <li>no state, or one whose {@code nextChangeAt} has passed (the planner has not published the change): refused,
 *     since the region's protection is unknown.</li>
 * </ul>
 */
public final class DeploymentGate {

    private final Clock clock;

    public DeploymentGate(Clock clock) {
        this.clock = clock;
    }

    public GateDecision decide(String region, ProtectionState state, DeploymentBudget budget) {
        Instant now = clock.instant();
        if (state == null) {
            return refused("protection state of region " + region + " unknown: waiting for the scaling-planner", null, budget, null, null);
        }
        Instant freezeUntil = state.getFreezeUntil();
        boolean frozen = state.getFreezeActive() || state.getWeddingActive() || state.getEmergency()
                || (freezeUntil != null && freezeUntil.isAfter(now));
        if (frozen) {
            String why = state.getReasons().isEmpty() ? "protected window" : String.join(", ", state.getReasons());
            Instant until = freezeUntil != null && freezeUntil.isAfter(now) ? freezeUntil : null;
            return refused(why + (until != null ? " until " + until : state.getEmergency() ? " until the emergency ends" : ""),
                    until, budget, now, until);
        }
        Instant nextChange = state.getNextChangeAt();
        if (nextChange != null && !nextChange.isAfter(now)) {
            return refused("protection state of region " + region + " is out of date (it changed at " + nextChange
                    + " and no newer state has arrived)", null, budget, nextChange, null);
        }
        Instant endsAt = now.plus(budget.total());
        if (nextChange == null || !endsAt.isAfter(nextChange)) {
            return new GateDecision(true, "open: needs " + budget.total() + " (" + budget + "), done by " + endsAt
                    + (nextChange == null ? "" : ", before the next protection change at " + nextChange), now, budget.total(), nextChange, null);
        }
        return refused("needs " + budget.total() + " (" + budget + ") until " + endsAt + ", but a protected window may begin at "
                + nextChange, null, budget, nextChange, null);
    }

    private static GateDecision refused(String reason, Instant nextOpenAt, DeploymentBudget budget, Instant protectedFrom, Instant freezeUntil) {
        return new GateDecision(false, reason, nextOpenAt, budget.total(), protectedFrom, freezeUntil);
    }
}
