package org.wedops.health.restart;

import java.time.Instant;

/**
 * Pure rule: may the collector restart a CRITICAL target now? Only when auto-restart is enabled for it, its source
 * can restart it, no protected window (weekend or wedding freeze, wedding hours, emergency) is active in its region,
 * and its restart budget is not spent. The refusal says which rule stopped it, for the alert and the audit.
 */
public final class RestartPolicy {

    private RestartPolicy() {
    }

    /** What decides, gathered at the moment of the decision. */
    public record Situation(boolean autoRestartEnabled, boolean sourceCanRestart, boolean protectedWindow, Instant protectedUntil,
                            String protectionReason, boolean budgetLeft, boolean manual, boolean emergencyOverride) {
    }

    public record Decision(boolean restart, String reason) {
    }

    public static Decision decide(Situation s) {
        if (!s.sourceCanRestart()) {
            return new Decision(false, "its source cannot restart it");
        }
        if (!s.manual() && !s.autoRestartEnabled()) {
            return new Decision(false, "auto-restart is not enabled for it");
        }
        if (s.protectedWindow() && !s.emergencyOverride()) {
            return new Decision(false, "protected window" + (s.protectionReason() != null ? " (" + s.protectionReason() + ")" : "")
                    + (s.protectedUntil() != null ? " until " + s.protectedUntil() : ""));
        }
        if (!s.manual() && !s.budgetLeft()) {
            return new Decision(false, "restart budget spent");
        }
        return new Decision(true, s.manual() ? (s.emergencyOverride() ? "emergency restart by hand" : "restart by hand") : "automatic restart");
    }
}
