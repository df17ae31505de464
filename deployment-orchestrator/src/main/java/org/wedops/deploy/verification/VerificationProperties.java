package org.wedops.deploy.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a rollout is judged against the pre-deploy baseline.
 *
 * @param window            how long a rollout (and a rollback) is watched before it counts as good
 * @param interval          time between two checks
 * @param emergencyInterval time between two checks of an emergency deployment (stricter)
 * @param confirmations     consecutive failed checks that roll back; an emergency deployment rolls back on the first
 * @param maxErrorRate      an error rate above this fails the check whatever the baseline
 * @param errorRateFactor   an error rate above baseline × this fails the check
 * @param latencyFactor     the p95 duration (of the windows' merged sketches) above baseline × this fails the check
 * @param baseline          how far back before the deployment the baseline windows are read
 * @param minimumRequests   fewer requests than this since the rollout say nothing about it: the check is unknown
 * @param insufficientDataWait how much longer than the window a watch waits for the minimum of requests before it
 *                          decides on too little data
 * @param insufficientDataOutsideProtectedWindows the decision on too little data outside protected windows: FAIL
 *                          (rolls back) unless PASS is configured, e.g. for an environment without traffic. Inside a
 *                          protected window (or with the region's protection unknown or stale, or for an emergency
 *                          deployment) too little data always fails: nothing unverified runs through a wedding.
 */
@ConfigurationProperties("wedops.deploy.verification")
public record VerificationProperties(@DefaultValue("5m") Duration window, @DefaultValue("5s") Duration interval,
                                     @DefaultValue("2s") Duration emergencyInterval, @DefaultValue("2") int confirmations,
                                     @DefaultValue("0.05") double maxErrorRate, @DefaultValue("2.0") double errorRateFactor,
                                     @DefaultValue("2.0") double latencyFactor, @DefaultValue("30m") Duration baseline,
                                     @DefaultValue("20") long minimumRequests, @DefaultValue("5m") Duration insufficientDataWait,
                                     @DefaultValue("FAIL") InsufficientData insufficientDataOutsideProtectedWindows) {

    public VerificationProperties {
        positive("window", window);
        positive("interval", interval);
        positive("emergency-interval", emergencyInterval);
        if (insufficientDataWait.isNegative()) {
            throw new IllegalArgumentException("wedops.deploy.verification.insufficient-data-wait must not be negative, was "
                    + insufficientDataWait);
        }
        if (confirmations < 1 || minimumRequests < 1) {
            throw new IllegalArgumentException("wedops.deploy.verification.confirmations and minimum-requests must be at least 1, were "
                    + confirmations + " and " + minimumRequests);
        }
        if (!(maxErrorRate > 0 && maxErrorRate <= 1) || errorRateFactor < 1 || latencyFactor < 1) {
            throw new IllegalArgumentException("wedops.deploy.verification: max-error-rate must be in (0, 1] and the factors at least 1");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wedops.deploy.verification." + name + " must be positive, was " + value);
        }
    }

    /** What verification decides when too few requests were seen to judge a rollout. */
    public enum InsufficientData { FAIL, PASS }
}
