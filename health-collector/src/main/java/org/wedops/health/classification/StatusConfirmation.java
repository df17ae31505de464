package org.wedops.health.classification;

import org.wedops.events.HealthStatus;

/**
 * Anti-flapping: a target's confirmed status changes only after {@code required} consecutive results agree on the
 * new one. The very first result of a target is confirmed at once (there is nothing to flap from).
 *
 * @param confirmed the status others are told about
 * @param candidate the status the latest results agree on
 * @param streak    how many consecutive results agreed on the candidate
 */
public record StatusConfirmation(HealthStatus confirmed, HealthStatus candidate, int streak) {

    public static StatusConfirmation first(HealthStatus observed) {
        return new StatusConfirmation(observed, observed, 1);
    }

    public StatusConfirmation next(HealthStatus observed, int required) {
        int agreeing = observed == candidate ? streak + 1 : 1;
        HealthStatus nowConfirmed = observed != confirmed && agreeing >= required ? observed : confirmed;
        return new StatusConfirmation(nowConfirmed, observed, agreeing);
    }

    public boolean changedFrom(StatusConfirmation previous) {
        return previous == null || previous.confirmed != confirmed;
    }
}
