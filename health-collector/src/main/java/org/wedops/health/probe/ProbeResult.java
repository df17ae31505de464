package org.wedops.health.probe;

import java.time.Duration;

/**
 * What one HTTP probe saw.
 *
 * @param statusCode   the HTTP status, or null when no response arrived
 * @param responseTime time until the response (or the failure)
 * @param body         the response body, possibly truncated; null when none
 * @param failure      why no response arrived (timeout, connection refused…), null when one did
 * @param timedOut     whether the failure was the probe's own timeout
 */
public record ProbeResult(Integer statusCode, Duration responseTime, String body, String failure, boolean timedOut) {

    public static ProbeResult response(int statusCode, Duration responseTime, String body) {
        return new ProbeResult(statusCode, responseTime, body, null, false);
    }

    public static ProbeResult timeout(Duration timeout) {
        return new ProbeResult(null, timeout, null, "timeout after " + timeout.toMillis() + " ms", true);
    }

    public static ProbeResult failed(Duration responseTime, String failure) {
        return new ProbeResult(null, responseTime, null, failure, false);
    }
}
