package org.wedops.alert.escalation;

import org.wedops.alert.routing.EscalationPolicy;
import org.wedops.alert.routing.EscalationPolicy.Tier;

/**
 * Pure rule of a policy's steps. Step 0 is the route's own notification to tier 0; step s ≥ 1 notifies tier
 * {@code s mod n}, and the ladder of n tiers runs {@code repeat + 1} times in all, ending at the last tier.
 */
public final class EscalationLadder {

    private EscalationLadder() {
    }

    public static int lastStep(EscalationPolicy policy) {
        return policy.tiers().size() * (policy.repeat() + 1) - 1;
    }

    public static Tier tierOf(EscalationPolicy policy, int step) {
        return policy.tiers().get(step % policy.tiers().size());
    }

    public static boolean hasNext(EscalationPolicy policy, int step) {
        return step < lastStep(policy);
    }
}
