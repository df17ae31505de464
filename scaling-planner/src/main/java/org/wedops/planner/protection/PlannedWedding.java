package org.wedops.planner.protection;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A wedding as the protection rules see it: when it happens ({@link WeddingTimes}) and its weight.
 *
 * @param culturalFactor the culture's factor from the database (Indian 2.0, British 1.0, …)
 */
public record PlannedWedding(String id, String culture, int guestCount, double culturalFactor, LocalDate date, LocalTime startTime,
                             LocalTime endTime, int days, ZoneId zone) {

    public PlannedWedding {
        Objects.requireNonNull(id, "id");
        try {
            new WeddingTimes(date, startTime, endTime, days, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wedding " + id + ": " + e.getMessage(), e);
        }
    }

    /** When it happens; everything about it but its weight. */
    public WeddingTimes times() {
        return new WeddingTimes(date, startTime, endTime, days, zone);
    }

    public ZonedDateTime start() {
        return times().start();
    }

    public ZonedDateTime end() {
        return times().end();
    }

    /** The freeze it brings: from {@code before} its start to {@code after} its end. */
    public Interval freezeWindow(Duration before, Duration after) {
        return times().freezeWindow(before, after);
    }

    /** While it is in progress and counts in the wedding load. */
    public Interval inProgress() {
        return new Interval(start().toInstant(), end().toInstant());
    }

    String describe() {
        return "wedding " + id + " (" + culture + ", " + guestCount + " guests)";
    }
}
