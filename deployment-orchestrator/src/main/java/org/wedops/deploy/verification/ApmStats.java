package org.wedops.deploy.verification;

/** Requests, errors and the p95 duration (of the merged sketches) over some APM windows of a service. */
public record ApmStats(long requests, long errors, double p95Ms) {

    public static final ApmStats NONE = new ApmStats(0, 0, 0);

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
