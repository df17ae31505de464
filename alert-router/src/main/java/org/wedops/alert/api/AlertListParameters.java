package org.wedops.alert.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.wedops.alert.lifecycle.AlertQuery;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.events.Severity;
import org.wedops.support.web.InvalidRequestException;

/** {@code GET /api/alerts}'s query parameters as given, and the bounded query they make; a bad one is refused by name. */
record AlertListParameters(String state, String severity, String service, String region, String since, int limit) {

    AlertQuery query() {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return new AlertQuery(state == null ? null : parseState(state), severity == null ? null : parseSeverity(severity),
                service, region, since == null ? null : parseSince(since), limit);
    }

    private static String parseSeverity(String severity) {
        try {
            return Severity.valueOf(severity.toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("severity", "must be one of CRITICAL, HIGH, MEDIUM, LOW");
        }
    }

    private static Instant parseSince(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z");
        }
    }

    private static AlertState parseState(String state) {
        try {
            return AlertState.valueOf(state.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of FIRING, ACKNOWLEDGED, RESOLVED");
        }
    }
}
