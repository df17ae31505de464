package org.wedops.planner.protection;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A wedding as the protection rules see it: local date and times in its own zone, and its weight. An end time not
 * after the start means the wedding goes on past midnight; a multi-day wedding runs from its first day's start to
 * its last day's end without a break (the days of an Indian wedding are one event to protect).
 *
 * @param culturalFactor the culture's factor from the database (Indian 2.0, British 1.0, …)
 */
public record PlannedWedding(String id, String culture, int guestCount, double culturalFactor, LocalDate date, LocalTime startTime,
                             LocalTime endTime, int days, ZoneId zone) {

    public PlannedWedding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(zone, "zone");
        if (days < 1) {
            throw new IllegalArgumentException("wedding " + id + ": days must be >= 1");
        }
    }

    /**
     * When the first ceremony starts. A start inside a spring-forward gap moves later by the gap, as the local clock
     * reads on the day.
     */
    public ZonedDateTime start() {
        return ZonedDateTime.of(date, startTime, zone);
    }

    /**
     * When the last day ends. A time that occurs twice (autumn fall-back) takes its later occurrence, so that the
     * protection never ends early.
     */
    public ZonedDateTime end() {
        LocalDate lastDay = date.plusDays(days - 1L);
        LocalDate endDate = endTime.isAfter(startTime) ? lastDay : lastDay.plusDays(1);
        return ZonedDateTime.of(LocalDateTime.of(endDate, endTime), zone).withLaterOffsetAtOverlap();
    }

    /** The freeze it brings: from {@code before} its start to {@code after} its end. */
    public Interval freezeWindow(Duration before, Duration after) {
        return new Interval(start().toInstant().minus(before), end().toInstant().plus(after));
    }

    /** While it is in progress and counts in the wedding load. */
    public Interval inProgress() {
        return new Interval(start().toInstant(), end().toInstant());
    }

    String describe() {
        return "wedding " + id + " (" + culture + ", " + guestCount + " guests)";
    }
}
