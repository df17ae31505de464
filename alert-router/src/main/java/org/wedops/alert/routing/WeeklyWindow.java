package org.wedops.alert.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A window that recurs every week in local time: some weekdays, from {@code start} to {@code end} (end before
 * start runs past midnight). Evaluated in the zone given, so "09:00–17:00 Monday to Friday" means office hours in
 * London for a UK alert, across DST changes.
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    private static final int DAYS_SEARCHED = 9;

    public boolean contains(Instant instant, ZoneId zone) {
        return currentEnd(instant, zone).isPresent();
    }

    /** When the occurrence containing the instant ends; empty when the instant is outside the window. */
    public Optional<Instant> currentEnd(Instant instant, ZoneId zone) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (LocalDate day : new LocalDate[] {today.minusDays(1), today}) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime from = day.atTime(start).atZone(zone);
            ZonedDateTime to = (end.isAfter(start) ? day : day.plusDays(1)).atTime(end).atZone(zone);
            if (end.equals(LocalTime.MIDNIGHT) || end.equals(start)) {
                to = day.plusDays(1).atStartOfDay(zone);
            }
            if (!instant.isBefore(from.toInstant()) && instant.isBefore(to.toInstant())) {
                return Optional.of(to.toInstant());
            }
        }
        return Optional.empty();
    }

    /** The next start strictly after the instant. */
    public Instant nextStart(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int i = 0; i < DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                Instant candidate = day.atTime(start).atZone(zone).toInstant();
                if (candidate.isAfter(instant)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("a weekly window with days " + days + " has no start within a week");
    }

    /** Parses {@code monday:friday}, {@code saturday} or a list of them. */
    public static Set<DayOfWeek> parseDays(List<String> ranges) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (ranges == null || ranges.isEmpty()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        for (String range : ranges) {
            String[] ends = range.trim().toUpperCase().split(":");
            DayOfWeek from = DayOfWeek.valueOf(ends[0]);
            DayOfWeek to = DayOfWeek.valueOf(ends.length > 1 ? ends[1] : ends[0]);
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                days.add(day);
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }
}
