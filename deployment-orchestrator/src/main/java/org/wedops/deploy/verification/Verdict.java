package org.wedops.deploy.verification;

/** The outcome of verifying a rollout or a rollback, and why, in words fit for the deployment's phase detail. */
public record Verdict(Outcome outcome, String reason) {

    /** INSUFFICIENT_DATA is a check's answer only: a watch always ends in PASS or FAIL, by policy when data is missing. */
    public enum Outcome { PASS, FAIL, INSUFFICIENT_DATA }

    public static Verdict pass(String reason) {
        return new Verdict(Outcome.PASS, reason);
    }

    public static Verdict fail(String reason) {
        return new Verdict(Outcome.FAIL, reason);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
