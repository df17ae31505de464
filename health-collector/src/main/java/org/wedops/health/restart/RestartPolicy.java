package org.wedops.health.restart;

/**
 * Pure rule: may the collector restart a CRITICAL target now? Only when auto-restart is enabled for it, its source
 * can restart it, its region is known not to be in a protected window (weekend or wedding freeze, wedding hours,
 * emergency; an unknown or stale protection state counts as protected), and its restart budget is not spent. The
 * refusal says which rule stopped it, for the alert and the audit.
 */
public final class RestartPolicy {

    private RestartPolicy() {
    }

    /**
     * What decides, gathered at the moment of the decision.
     *
     * @param heldOff          the region's protection forbids automatic actions (protected window, or unknown or stale state)
     * @param protectionReason why, in words (from {@code RegionProtection.reason})
     */
    public record Situation(boolean autoRestartEnabled, boolean sourceCanRestart, boolean heldOff, String protectionReason,
                            boolean budgetLeft, boolean manual, boolean emergencyOverride) {
    }

    /** @param heldByProtection refused because of the region's protection (a human with ADMIN may override it) */
    public record Decision(boolean restart, String reason, boolean heldByProtection) {

        Decision(boolean restart, String reason) {
            this(restart, reason, false);
        }
    }

    public static Decision decide(Situation s) {
        if (!s.sourceCanRestart()) {
            return new Decision(false, "its source cannot restart it");
        }
        if (!s.manual() && !s.autoRestartEnabled()) {
            return new Decision(false, "auto-restart is not enabled for it");
        }
        // an override is a person's act: nothing automatic may pass a protected or unknown region on a flag
        if (s.heldOff() && !(s.manual() && s.emergencyOverride())) {
            return new Decision(false, s.protectionReason() != null ? s.protectionReason() : "protected window", true);
        }
        if (!s.manual() && !s.budgetLeft()) {
            return new Decision(false, "restart budget spent");
        }
        return new Decision(true, s.manual() ? (s.emergencyOverride() ? "emergency restart by hand" : "restart by hand") : "automatic restart");
    }
}
