package org.wedops.alert.lifecycle;

import org.wedops.events.AlertStatus;

/**
 * Pure rule: what an incoming firing or resolved event does to an alert's state, and whether anyone must be told.
 * A duplicate of a firing alert only refreshes it; a firing alert after a resolution starts a new episode.
 */
public final class AlertLifecycle {

    /** What the incoming event changes. */
    public record Decision(AlertState state, Notify notification, boolean newEpisode) {
    }

    /** Which notification, if any, the change causes. */
    public enum Notify {
        NONE, FIRING, RESOLVED
    }

    private AlertLifecycle() {
    }

    /** @param current the alert's state, or null when the fingerprint is new */
    public static Decision apply(AlertState current, AlertStatus incoming) {
        if (incoming == AlertStatus.FIRING) {
            if (current == null || current == AlertState.RESOLVED) {
                return new Decision(AlertState.FIRING, Notify.FIRING, true);
            }
            return new Decision(current, Notify.NONE, false);
        }
        if (current == null) {
            // resolved before we ever saw it fire: keep the record, tell nobody
            return new Decision(AlertState.RESOLVED, Notify.NONE, true);
        }
        if (current == AlertState.RESOLVED) {
            return new Decision(AlertState.RESOLVED, Notify.NONE, false);
        }
        return new Decision(AlertState.RESOLVED, Notify.RESOLVED, false);
    }
}
