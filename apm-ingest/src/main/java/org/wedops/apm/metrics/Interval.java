package org.wedops.apm.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The bucket sizes a metrics query may ask for; buckets start at multiples of their size since the epoch (UTC). */
public enum Interval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration size;

    Interval(String label, Duration size) {
        this.label = label;
        this.size = size;
    }

    public static Optional<Interval> parse(String label) {
        return Arrays.stream(values()).filter(interval -> interval.label.equals(label)).findFirst();
    }

    public String label() {
        return label;
    }

    public Duration size() {
        return size;
    }

    /** The start of the bucket an instant falls in. */
    public Instant bucketOf(Instant instant) {
        long millis = size.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
    }
}
