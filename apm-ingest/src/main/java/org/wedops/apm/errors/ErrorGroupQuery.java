package org.wedops.apm.errors;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.wedops.support.web.InvalidRequestException;

/**
 * A validated {@code GET /api/apm/errors} question: the groups of a service and kind (any when null) seen since an
 * instant, the last day's by default, at most {@code limit} of them. Pure Java.
 */
record ErrorGroupQuery(String service, String kind, Instant since, int limit) {

    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    /**
     * @param since an ISO-8601 instant, or null for the last {@link #DEFAULT_SPAN} before {@code now}
     * @throws InvalidRequestException naming {@code limit} or {@code since} when it cannot be answered
     */
    static ErrorGroupQuery parse(String service, String kind, String since, int limit, Instant now) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new ErrorGroupQuery(service, kind, since == null ? now.minus(DEFAULT_SPAN) : instant(since), limit);
    }

    private static Instant instant(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z");
        }
    }
}
