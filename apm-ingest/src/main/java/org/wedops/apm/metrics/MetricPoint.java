package org.wedops.apm.metrics;

import java.time.Instant;

/** One bucket's value; buckets without windows are left out. */
public record MetricPoint(Instant t, double value) {
}
