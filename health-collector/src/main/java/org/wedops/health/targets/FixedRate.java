package org.wedops.health.targets;

import java.time.Duration;
import java.time.Instant;

/**
 * Pure rule: when a target is next due. At a fixed rate, one interval after it was last due rather than after it was
 * taken, so the tick that takes it does not stretch every interval; a target that fell more than an interval behind
 * starts afresh from now instead of catching up in a burst.
 */
public final class FixedRate {

    private FixedRate() {
    }

    /** @param lastDue when the target was last due, null if never */
    public static Instant nextDue(Instant lastDue, Duration interval, Instant now) {
        return lastDue == null || lastDue.plus(interval).isBefore(now) ? now.plus(interval) : lastDue.plus(interval);
    }
}
