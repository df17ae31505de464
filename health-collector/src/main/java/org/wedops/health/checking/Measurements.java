package org.wedops.health.checking;

import java.util.Map;

/** Numbers a check saw, each null when its source does not measure it. */
public record Measurements(Double responseTimeMs, Double cpuPercent, Double memoryPercent, Integer restartCount,
                           Map<String, String> details) {

    public static Measurements responseTime(double millis) {
        return new Measurements(millis, null, null, null, Map.of());
    }
}
