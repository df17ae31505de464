package org.wedops.planner.protection;

import java.time.Instant;

/** A half-open span of time, [start, end). */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends before it starts: " + start + " .. " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
