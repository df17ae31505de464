package org.wedops.gateway.audittrail;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /api/audit}, checked at the gateway with the services' own rules (each service checks
 * them again) so that a wrong one is one 400 naming the field, not five. Passed on to every service as given.
 */
record AuditTrailQuery(Map<String, String> parameters, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 200;

    /** A wrong field and what is wrong with it. */
    record Problem(String field, String message) {
    }

    static final class Invalid extends RuntimeException {
        final transient List<Problem> problems;

        Invalid(List<Problem> problems) {
            super("invalid audit query");
            this.problems = List.copyOf(problems);
        }
    }

    static AuditTrailQuery of(String actor, String action, String from, String to, String limit) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        text("actor", actor, parameters, problems);
        text("action", action, parameters, problems);
        Instant fromValue = instant("from", from, parameters, problems);
        Instant toValue = instant("to", to, parameters, problems);
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            problems.add(new Problem("from", "must be before 'to'"));
        }
        int limitValue = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                limitValue = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                limitValue = -1;
            }
            if (limitValue < 1 || limitValue > MAX_LIMIT) {
                problems.add(new Problem("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        parameters.put("limit", String.valueOf(limitValue));
        return new AuditTrailQuery(Map.copyOf(parameters), limitValue);
    }

    private static void text(String field, String value, Map<String, String> parameters, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new Problem(field, "must be at most " + MAX_TEXT + " characters"));
        }
        parameters.put(field, value.trim());
    }

    private static Instant instant(String field, String value, Map<String, String> parameters, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed = Instant.parse(value.trim());
            parameters.put(field, parsed.toString());
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "must be an ISO-8601 instant, e.g. 2026-06-06T14:00:00Z"));
            return null;
        }
    }
}
