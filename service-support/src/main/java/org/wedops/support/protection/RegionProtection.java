package org.wedops.support.protection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.wedops.events.ProtectionState;

/**
 * What a service may assume about one region's protection, and the one rule every automatic action (restart,
 * scale-down, deploy) obeys: only a <em>known</em> state that is not in a protected window lets it act. An unknown
 * region (no state yet, or the view has not read ops.protection.v1 to its end) and a stale one (its
 * {@code nextChangeAt} passed by more than a tolerance, so the scaling-planner has not published a change it said
 * was coming) are treated as protected: a guard that guesses "open" is worse than none, because people trust it.
 *
 * @param region    the region asked about
 * @param knowledge how far the state can be trusted
 * @param state     the last state read for the region, if any (also kept when stale, to show what was last known)
 * @param why       for UNKNOWN and STALE, why the state cannot be trusted; null when KNOWN
 */
public record RegionProtection(String region, Knowledge knowledge, ProtectionState state, String why) {

    public enum Knowledge { KNOWN, UNKNOWN, STALE }

    /**
     * The rule, free of Kafka: what the view read ({@code state}, or null), whether the view has read the topic to
     * its end, and the tolerance after a promised change before the state counts as stale.
     */
    public static RegionProtection classify(String region, ProtectionState state, boolean caughtUp, Instant now, Duration staleAfter) {
        if (!caughtUp) {
            return new RegionProtection(region, Knowledge.UNKNOWN, state,
                    "protection of region " + region + " unknown: this service has not yet read ops.protection.v1 to its end");
        }
        if (state == null) {
            return new RegionProtection(region, Knowledge.UNKNOWN, null,
                    "protection of region " + region + " unknown: the scaling-planner has published no state for it");
        }
        if (state.getOccurredAt().isAfter(now.plus(staleAfter))) {
            // no planner writes tomorrow's state today: a forged or mis-clocked record says nothing about now
            return new RegionProtection(region, Knowledge.UNKNOWN, state,
                    "protection of region " + region + " unknown: its state is stamped in the future (" + state.getOccurredAt() + ")");
        }
        Instant nextChange = state.getNextChangeAt();
        if (nextChange != null && now.isAfter(nextChange.plus(staleAfter))) {
            return new RegionProtection(region, Knowledge.STALE, state,
                    "protection of region " + region + " is stale: it was due to change at " + nextChange
                            + " and no newer state has arrived (is the scaling-planner running?)");
        }
        return new RegionProtection(region, Knowledge.KNOWN, state, null);
    }

    public boolean known() {
        return knowledge == Knowledge.KNOWN;
    }

    public Optional<ProtectionState> lastState() {
        return Optional.ofNullable(state);
    }

    /** Whether the known state puts the region in a protected window (freeze, wedding in progress, emergency) now. */
    public boolean inProtectedWindow(Instant now) {
        return state != null && (state.getFreezeActive() || state.getWeddingActive() || state.getEmergency()
                || (state.getFreezeUntil() != null && state.getFreezeUntil().isAfter(now)));
    }

    /** Whether an automatic action must hold off: in a protected window, or not known to be outside one. */
    public boolean forbidsAutomaticActions(Instant now) {
        return !known() || inProtectedWindow(now);
    }

    /** The end of the known protected window, if it has one. */
    public Instant protectedUntil(Instant now) {
        return known() && state.getFreezeUntil() != null && state.getFreezeUntil().isAfter(now) ? state.getFreezeUntil() : null;
    }

    /** Why automatic actions are held off, in words for an alert or an audit row; null when they are not. */
    public String reason(Instant now) {
        if (!known()) {
            return why;
        }
        if (!inProtectedWindow(now)) {
            return null;
        }
        String reasons = state.getReasons().isEmpty() ? "protected window" : "protected window (" + String.join(", ", state.getReasons()) + ")";
        Instant until = protectedUntil(now);
        return reasons + (until != null ? " until " + until : state.getEmergency() ? " until the emergency ends" : "");
    }
}
