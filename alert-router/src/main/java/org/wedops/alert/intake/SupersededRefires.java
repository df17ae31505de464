package org.wedops.alert.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wedops.events.Alert;

/**
 * Within one batch, consecutive events of the same alert with the same status are one event: applying them one by
 * one ends in the state of the newest of them (the others only move the last-event time), so only that one is kept,
 * at the place of the first. A change of status (firing, resolved, firing again) is never merged away.
 */
final class SupersededRefires {

    private SupersededRefires() {
    }

    static List<Alert> removeFrom(List<Alert> events) {
        List<Alert> kept = new ArrayList<>(events.size());
        Map<String, Integer> lastOfAlert = new HashMap<>();
        for (Alert event : events) {
            Integer previous = lastOfAlert.get(event.getFingerprint());
            if (previous != null && kept.get(previous).getStatus() == event.getStatus()) {
                if (!event.getOccurredAt().isBefore(kept.get(previous).getOccurredAt())) {
                    kept.set(previous, event);
                }
                continue;
            }
            lastOfAlert.put(event.getFingerprint(), kept.size());
            kept.add(event);
        }
        return kept;
    }
}
