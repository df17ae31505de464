package org.wedops.planner.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.wedops.support.web.FieldProblem;

/**
 * A wedding as {@code POST/PUT /api/weddings} take it (DESIGN.md's field names). Either a region or a time zone is
 * needed: a time zone alone picks the region that has it.
 */
record WeddingRequest(String id, String date, String startTime, String endTime, String region, String timeZone, String culture,
                      Integer guestCount, Integer days, String venueType) {

    static final int MOST_GUESTS = 5000;
    static final int MOST_DAYS = 7;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern CULTURE = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,39}");

    /** Every problem of the request, field by field; empty when it is valid. */
    List<FieldProblem> problems(boolean idRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            if (idRequired) {
                problems.add(new FieldProblem("id", "is required"));
            }
        } else if (!ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 1–64 letters, digits, '.', '_' or '-'"));
        }
        LocalDate day = parse(problems, "date", date, "an ISO date such as 2026-06-06", LocalDate::parse);
        LocalTime start = parse(problems, "startTime", startTime, "a local time HH:mm such as 14:00", LocalTime::parse);
        LocalTime end = parse(problems, "endTime", endTime, "a local time HH:mm such as 23:30", LocalTime::parse);
        if (start != null && start.equals(end)) {
            problems.add(new FieldProblem("endTime", "must differ from startTime (an end before the start means past midnight)"));
        }
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2100)) {
            problems.add(new FieldProblem("date", "must be between 2000 and 2100"));
        }
        boolean hasRegion = region != null && !region.isBlank();
        boolean hasZone = timeZone != null && !timeZone.isBlank();
        if (!hasRegion && !hasZone) {
            problems.add(new FieldProblem("region", "a region or a timeZone is required"));
        }
        if (hasRegion && !REGION.matcher(region).matches()) {
            problems.add(new FieldProblem("region", "must be 1–40 lower-case letters, digits or '-'"));
        }
        if (hasZone) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/London"));
            }
        }
        if (culture == null || culture.isBlank()) {
            problems.add(new FieldProblem("culture", "is required, e.g. INDIAN, BRITISH, OTHER"));
        } else if (!CULTURE.matcher(culture).matches()) {
            problems.add(new FieldProblem("culture", "must be 1–40 letters or digits, e.g. INDIAN, BRITISH, OTHER"));
        }
        if (guestCount == null) {
            problems.add(new FieldProblem("guestCount", "is required"));
        } else if (guestCount < 1 || guestCount > MOST_GUESTS) {
            problems.add(new FieldProblem("guestCount", "must be between 1 and " + MOST_GUESTS));
        }
        if (days != null && (days < 1 || days > MOST_DAYS)) {
            problems.add(new FieldProblem("days", "must be between 1 and " + MOST_DAYS));
        }
        if (venueType != null && venueType.length() > 40) {
            problems.add(new FieldProblem("venueType", "must be at most 40 characters"));
        }
        return problems;
    }

    /** The wedding, once {@link #problems} found none. */
    Wedding toWedding(String weddingId, String resolvedRegion) {
        return new Wedding(weddingId, LocalDate.parse(date), LocalTime.parse(startTime), LocalTime.parse(endTime), resolvedRegion,
                timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone).getId(), culture.trim().toUpperCase(Locale.ROOT)
                .replace(' ', '_').replace('-', '_'), guestCount, days == null ? 1 : days, venueType == null || venueType.isBlank() ? null : venueType);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(List<FieldProblem> problems, String field, String text, String expected, Parser<T> parser) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required: " + expected));
            return null;
        }
        try {
            return parser.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be " + expected));
            return null;
        }
    }
}
