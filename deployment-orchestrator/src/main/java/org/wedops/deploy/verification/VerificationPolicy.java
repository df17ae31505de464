package org.wedops.deploy.verification;

import java.util.List;
import java.util.Optional;

import org.wedops.deploy.DeploymentOrchestratorProperties.Verification;

/**
 * Whether one check of a deployment under verification fails: any of its targets CRITICAL since the rollout, an error
 * rate above the threshold or above baseline × factor, or the p95 duration above baseline × factor. APM rules speak
 * only when enough requests were seen since the rollout.
 */
public final class VerificationPolicy {

    private final Verification settings;

    public VerificationPolicy(Verification settings) {
        this.settings = settings;
    }

    /** @param criticalTargets targets reported CRITICAL since the rollout, with their reasons */
    public Optional<String> failure(List<String> criticalTargets, ApmStats baseline, ApmStats now) {
        if (!criticalTargets.isEmpty()) {
            return Optional.of("CRITICAL target(s): " + String.join("; ", criticalTargets));
        }
        if (now.requests() < settings.minimumRequests()) {
            return Optional.empty();
        }
        if (now.errorRate() > settings.maxErrorRate()) {
            return Optional.of(String.format("error rate %.1f%% above %.1f%%", now.errorRate() * 100, settings.maxErrorRate() * 100));
        }
        if (baseline.requests() >= settings.minimumRequests() && baseline.errors() > 0
                && now.errorRate() > baseline.errorRate() * settings.errorRateFactor()) {
            return Optional.of(String.format("error rate %.2f%% above baseline %.2f%% × %.1f", now.errorRate() * 100,
                    baseline.errorRate() * 100, settings.errorRateFactor()));
        }
        if (baseline.requests() >= settings.minimumRequests() && baseline.p95Ms() > 0
                && now.p95Ms() > baseline.p95Ms() * settings.latencyFactor()) {
            return Optional.of(String.format("p95 %.0f ms above baseline %.0f ms × %.1f", now.p95Ms(), baseline.p95Ms(),
                    settings.latencyFactor()));
        }
        return Optional.empty();
    }
}
