package org.wedops.apm.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the windows of a bucket become one value. Quantiles come from the merged sketches, never from averaging. */
public enum Aggregation {
    AVG, SUM, MIN, MAX, COUNT, P50(0.50), P95(0.95), P99(0.99), ERROR_RATE;

    private final double quantile;

    Aggregation() {
        this(Double.NaN);
    }

    Aggregation(double quantile) {
        this.quantile = quantile;
    }

    public static Optional<Aggregation> parse(String name) {
        return Arrays.stream(values()).filter(aggregation -> aggregation.label().equals(name)).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isQuantile() {
        return !Double.isNaN(quantile);
    }

    public double quantile() {
        return quantile;
    }
}
