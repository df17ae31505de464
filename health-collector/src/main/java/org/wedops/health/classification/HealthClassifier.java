package org.wedops.health.classification;

import java.util.ArrayList;
import java.util.List;

import org.wedops.events.HealthStatus;
import org.wedops.health.probe.ProbeResult;
import org.wedops.health.targets.HealthTarget;

/** Pure rules turning one probe result into HEALTHY, DEGRADED or CRITICAL with the reasons. */
public final class HealthClassifier {

    private HealthClassifier() {
    }

    public static Classification classify(HealthTarget target, ProbeResult result, HealthThresholds thresholds) {
        if (result.statusCode() == null) {
            return new Classification(HealthStatus.CRITICAL, List.of(result.failure()));
        }
        int status = result.statusCode();
        boolean expected = target.expectedStatus() != null ? status == target.expectedStatus() : status >= 200 && status < 300;
        if (status >= 500 && !expected) {
            return new Classification(HealthStatus.CRITICAL, List.of("HTTP " + status));
        }
        if (target.bodyContains() != null && (result.body() == null || !result.body().contains(target.bodyContains()))) {
            return new Classification(HealthStatus.CRITICAL, List.of("body lacks '" + target.bodyContains() + "'"));
        }
        List<String> reasons = new ArrayList<>();
        if (!expected) {
            reasons.add("HTTP " + status + " (expected " + (target.expectedStatus() != null ? target.expectedStatus() : "2xx") + ")");
        }
        long millis = result.responseTime().toMillis();
        if (millis > thresholds.slowResponse().toMillis()) {
            reasons.add("response " + millis + " ms > " + thresholds.slowResponse().toMillis() + " ms");
        }
        return reasons.isEmpty()
                ? new Classification(HealthStatus.HEALTHY, List.of())
                : new Classification(HealthStatus.DEGRADED, List.copyOf(reasons));
    }
}
