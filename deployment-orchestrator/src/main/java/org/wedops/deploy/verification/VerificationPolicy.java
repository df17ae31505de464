package org.wedops.deploy.verification;

import java.time.Duration;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.wedops.deploy.verification.VerificationProperties.InsufficientData;

/**
 * Whether one check of a deployment under verification passes, fails or cannot tell: any of its targets CRITICAL since
 * the rollout fails it; with fewer than the minimum of requests since the rollout the APM says nothing, so the check
 * is INSUFFICIENT_DATA — never a pass; otherwise an error rate above the threshold or above baseline × factor, or the
 * p95 duration above baseline × factor, fails it. And what a watch decides when data stayed missing.
 */
@RequiredArgsConstructor
public final class VerificationPolicy {

    private final VerificationProperties settings;

    /** @param criticalTargets targets reported CRITICAL since the rollout, with their reasons */
    public Verdict check(List<String> criticalTargets, ApmStats baseline, ApmStats now) {
        if (!criticalTargets.isEmpty()) {
            return Verdict.fail("CRITICAL target(s): " + String.join("; ", criticalTargets));
        }
        if (now.requests() < settings.minimumRequests()) {
            return new Verdict(Verdict.Outcome.INSUFFICIENT_DATA, now.requests() + " requests < minimum " + settings.minimumRequests());
        }
        if (now.errorRate() > settings.maxErrorRate()) {
            return Verdict.fail(String.format("error rate %.1f%% above %.1f%%", now.errorRate() * 100, settings.maxErrorRate() * 100));
        }
        if (baseline.requests() >= settings.minimumRequests() && baseline.errors() > 0
                && now.errorRate() > baseline.errorRate() * settings.errorRateFactor()) {
            return Verdict.fail(String.format("error rate %.2f%% above baseline %.2f%% × %.1f", now.errorRate() * 100,
                    baseline.errorRate() * 100, settings.errorRateFactor()));
        }
        if (baseline.requests() >= settings.minimumRequests() && baseline.p95Ms() > 0
                && now.p95Ms() > baseline.p95Ms() * settings.latencyFactor()) {
            return Verdict.fail(String.format("p95 %.0f ms above baseline %.0f ms × %.1f", now.p95Ms(), baseline.p95Ms(),
                    settings.latencyFactor()));
        }
        return Verdict.pass(String.format("%d requests, error rate %.2f%%, p95 %.0f ms", now.requests(), now.errorRate() * 100, now.p95Ms()));
    }

    /**
     * The decision once the window and the wait for data are over and the requests are still too few.
     *
     * @param protectedWindow the region is protected (or its protection unknown or stale), or the deployment is an emergency
     */
    public Verdict onInsufficientData(ApmStats now, Duration waited, boolean protectedWindow) {
        String seen = "insufficient data: " + now.requests() + " requests < minimum " + settings.minimumRequests() + " after " + words(waited);
        if (protectedWindow) {
            return Verdict.fail(seen + "; policy fail-closed in a protected window");
        }
        return settings.insufficientDataOutsideProtectedWindows() == InsufficientData.PASS
                ? Verdict.pass(seen + "; policy pass outside protected windows: unverified")
                : Verdict.fail(seen + "; policy fail-closed outside protected windows too");
    }

    /** 5m, 1m30s, 3s, 800ms: how operators write durations. */
    static String words(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}
