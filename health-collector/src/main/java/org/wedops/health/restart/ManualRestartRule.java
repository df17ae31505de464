package org.wedops.health.restart;

/**
 * Pure rule: may this request for a restart by hand go on to the restart rules? An emergency (the only way past a
 * protected window) needs the ADMIN role and a written reason; a reason is bounded like every free text we store.
 */
public final class ManualRestartRule {

    static final int MAX_REASON = 500;

    /** Why a request is refused before anything is looked at, or {@link #ACCEPTED}. */
    public enum Verdict { ACCEPTED, NEEDS_ADMIN, NEEDS_REASON, REASON_TOO_LONG }

    private ManualRestartRule() {
    }

    public static Verdict judge(boolean emergency, boolean admin, String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            return Verdict.REASON_TOO_LONG;
        }
        if (!emergency) {
            return Verdict.ACCEPTED;
        }
        if (!admin) {
            return Verdict.NEEDS_ADMIN;
        }
        return reason == null || reason.isBlank() ? Verdict.NEEDS_REASON : Verdict.ACCEPTED;
    }
}
