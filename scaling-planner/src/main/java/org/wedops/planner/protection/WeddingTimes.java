package org.wedops.planner.protection;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a wedding happens, in its own zone: all the freeze window needs (its weight in the load does not move it). An
 * end time not after the start means the wedding goes on past midnight; a multi-day wedding runs from its first day's
 * start to its last day's end without a break (the days of an Indian wedding are one event to protect).
 */
public record WeddingTimes(LocalDate date, LocalTime startTime, LocalTime endTime, int days, ZoneId zone) {

    public WeddingTimes {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(zone, "zone");
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1");
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
}
