package org.wedops.deploy.gate;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.wedops.events.ProtectionState;
import org.wedops.support.protection.RegionProtection;

/**
 * "May I deploy now?" from the region's {@link ProtectionState}, which the scaling-planner publishes: a deployment is
 * allowed only if its whole budget (migration, rollout, verification, a rollback) ends before a protected window may
 * begin. The gate does not re-derive the freeze rules; it reads what the state carries:
 * <ul>
 *     <li>frozen (freeze, wedding in progress, emergency): refused, open again at {@code freezeUntil};</li>
 *     <li>open: the state does not say which change comes next, only when ({@code nextChangeAt}), so a protected
 *     window is assumed to begin there — an over-cautious refusal is cheap, a deploy into a wedding is not;</li>
 *     <li>unknown (no state, or this instance has not read ops.protection.v1 to its end) or stale (its
 *     {@code nextChangeAt} passed by more than the tolerance): refused, saying why; a known state whose
 *     {@code nextChangeAt} has just passed is refused too, as the gate cannot tell what comes next.</li>
 * </ul>
 */
@RequiredArgsConstructor
public final class DeploymentGate {

    private final Clock clock;

    public GateDecision decide(RegionProtection protection, DeploymentBudget budget) {
        Instant now = clock.instant();
        if (!protection.known()) {
            return refused(protection.reason(now), null, budget, null, null);
        }
        String region = protection.region();
        ProtectionState state = protection.state();
        Instant freezeUntil = state.getFreezeUntil();
        if (protection.inProtectedWindow(now)) {
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
