package org.wedops.support.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

/**
 * What {@code GET /api/audit} asks for: entries of one actor and/or one action within {@code [from, to)}, newest
 * first, at most {@code limit} of them. A page is bounded so that an audit read can never pull a whole table.
 *
 * @param actor  exact actor (the token's subject), or null for all
 * @param action exact action (e.g. {@code target.register}), or null for all
 * @param from   first instant included, or null for no lower bound
 * @param to     first instant excluded, or null for no upper bound
 * @param limit  most entries answered, 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 200;

    /** Reads the query parameters as given; every wrong one is named, nothing is guessed. */
    public static AuditQuery of(String actor, String action, String from, String to, String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        String actorValue = text("actor", actor, problems);
        String actionValue = text("action", action, problems);
        Instant fromValue = instant("from", from, problems);
        Instant toValue = instant("to", to, problems);
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            problems.add(new FieldProblem("from", "must be before 'to'"));
        }
        int limitValue = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                limitValue = Integer.parseInt(limit.trim());
                if (limitValue < 1 || limitValue > MAX_LIMIT) {
                    problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new AuditQuery(actorValue, actionValue, fromValue, toValue, limitValue);
    }

    private static String text(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return value.trim();
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant, e.g. 2026-06-06T14:00:00Z"));
            return null;
        }
    }
}
