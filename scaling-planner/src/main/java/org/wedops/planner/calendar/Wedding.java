package org.wedops.planner.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import org.wedops.events.WeddingScheduled;

/**
 * A scheduled wedding as the planner keeps it. Dates and times are local to the wedding's zone; an end time
 * earlier than the start means past midnight.
 *
 * @param timeZone the zone the event named, or null to take the region's
 */
public record Wedding(String id, LocalDate date, LocalTime startTime, LocalTime endTime, String region, String timeZone,
                      String culture, int guestCount, int days, String venueType) {

    /**
     * Reads a {@link WeddingScheduled}; an event the planner cannot plan with raises {@link IllegalArgumentException},
     * which sends it to the dead-letter topic at once instead of retrying it.
     */
    public static Wedding from(WeddingScheduled event) {
        String id = required(event.getWeddingId(), "weddingId");
        try {
            String timeZone = event.getTimeZone() == null || event.getTimeZone().isBlank() ? null : ZoneId.of(event.getTimeZone()).getId();
            Wedding wedding = new Wedding(id, LocalDate.parse(event.getDate()), LocalTime.parse(event.getStartTime()),
                    LocalTime.parse(event.getEndTime()), required(event.getRegion(), "region"), timeZone,
                    required(event.getCulture(), "culture").toUpperCase(Locale.ROOT), event.getGuestCount(), event.getDays(),
                    event.getVenueType());
            if (wedding.guestCount < 0) {
                throw new IllegalArgumentException("wedding " + id + ": guestCount must be >= 0");
            }
            if (wedding.days < 1) {
                throw new IllegalArgumentException("wedding " + id + ": days must be >= 1");
            }
            return wedding;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("wedding " + id + ": " + e.getMessage(), e);
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("WeddingScheduled without " + field);
        }
        return value;
    }
}
