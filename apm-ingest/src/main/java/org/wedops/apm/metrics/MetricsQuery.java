package org.wedops.apm.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

/**
 * A validated {@code GET /api/apm/metrics} question: one metric, one aggregation, buckets of one interval over
 * [from, to), optionally narrowed by labels.
 */
public record MetricsQuery(String metric, Aggregation aggregation, Interval interval, Instant from, Instant to,
                           String service, String provider, String region, String environment) {

    /** The only metric windows carry: the duration of the measured calls, in milliseconds. */
    public static final String DURATION = "duration";

    /** More points than this in one answer is a mistake (24 h at 1m is 1,440). */
    static final long MAX_POINTS = 10_000;

    public static MetricsQuery parse(String metric, String aggregation, String interval, String from, String to,
                                     String service, String provider, String region, String environment) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!DURATION.equals(metric)) {
            problems.add(new FieldProblem("metric", "must be " + DURATION));
        }
        Aggregation parsedAggregation = Aggregation.parse(aggregation).orElse(null);
        if (parsedAggregation == null) {
            problems.add(new FieldProblem("aggregation", "must be one of "
                    + Arrays.stream(Aggregation.values()).map(Aggregation::label).toList()));
        }
        Interval parsedInterval = Interval.parse(interval).orElse(null);
        if (parsedInterval == null) {
            problems.add(new FieldProblem("interval", "must be one of " + Arrays.stream(Interval.values()).map(Interval::label).toList()));
        }
        Instant parsedFrom = instant("from", from, problems);
        Instant parsedTo = instant("to", to, problems);
        if (parsedFrom != null && parsedTo != null) {
            if (!parsedFrom.isBefore(parsedTo)) {
                problems.add(new FieldProblem("to", "must be after from"));
            } else if (parsedInterval != null
                    && Duration.between(parsedFrom, parsedTo).toMillis() / parsedInterval.size().toMillis() > MAX_POINTS) {
                problems.add(new FieldProblem("interval", "gives more than " + MAX_POINTS + " points over this range; choose a larger one"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new MetricsQuery(metric, parsedAggregation, parsedInterval, parsedFrom, parsedTo, service, provider, region, environment);
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, an ISO-8601 instant such as 2026-06-06T14:00:00Z"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z"));
            return null;
        }
    }
}
