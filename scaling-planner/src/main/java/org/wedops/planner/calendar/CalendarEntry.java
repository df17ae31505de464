package org.wedops.planner.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** One wedding of the calendar as {@code GET /api/weddings} shows it; field names as in DESIGN.md's API sketch. */
public record CalendarEntry(
        String id,
        LocalDate date,
        String startTime,
        String endTime,
        String region,
        String timeZone,
        String culture,
        int guestCount,
        int days,
        String venueType,
        String status,
        Instant updatedAt) {
}
