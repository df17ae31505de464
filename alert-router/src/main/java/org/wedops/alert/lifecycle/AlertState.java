package org.wedops.alert.lifecycle;

/** Where an alert is in its life: FIRING → ACKNOWLEDGED → RESOLVED, and FIRING again for a new episode. */
public enum AlertState {
    FIRING, ACKNOWLEDGED, RESOLVED
}
