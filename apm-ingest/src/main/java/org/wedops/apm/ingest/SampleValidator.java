package org.wedops.apm.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wedops.support.web.FieldProblem;

/**
 * Pure rules a sample must meet before it goes on ops.apm.samples.v1: every field present that must be, every number
 * finite and within bounds, every label within its length. The reasons are made once here, not once per sample.
 */
public final class SampleValidator {

    /** The kinds an emitter may send; OTHER exists only so that old readers survive a new kind. */
    static final Set<String> KINDS = Set.of("WEBHOOK", "WEBSOCKET", "AI_INFERENCE", "HTTP");

    private static final FieldProblem NO_KIND = new FieldProblem("kind", "must not be null");
    private static final FieldProblem UNKNOWN_KIND = new FieldProblem("kind", "must be one of WEBHOOK, WEBSOCKET, AI_INFERENCE, HTTP");
    private static final FieldProblem NO_DURATION = new FieldProblem("durationMs", "must not be null");
    private static final FieldProblem INFINITE_DURATION = new FieldProblem("durationMs", "must be a finite number");
    private static final FieldProblem NEGATIVE_DURATION = new FieldProblem("durationMs", "must be >= 0");
    private static final FieldProblem NO_TIMESTAMP = new FieldProblem("timestamp", "must not be null");
    private static final FieldProblem BEFORE_EPOCH = new FieldProblem("timestamp", "must not be before 1970-01-01T00:00:00Z");
    private static final FieldProblem COST = new FieldProblem("costUsd", "must be a finite number >= 0");
    private static final FieldProblem STATUS = new FieldProblem("statusCode", "must be an HTTP status from 100 to 599");

    private final Duration maxFutureSkew;
    private final double maxDurationMs;
    private final LabelLimits labels;
    private final FieldProblem tooLong;
    private final FieldProblem inTheFuture;
    private final FieldProblem tooManyAttributes;
    private final FieldProblem attributeKeyTooLong;
    private final String attributeValueTooLong;

    /**
     * @param maxFutureSkew how far ahead of now a timestamp may be
     * @param maxDuration   the longest duration a sample may report
     * @param labels        how long each label may be
     */
    public SampleValidator(Duration maxFutureSkew, Duration maxDuration, LabelLimits labels) {
        this.maxFutureSkew = maxFutureSkew;
        this.maxDurationMs = maxDuration.toMillis();
        this.labels = labels;
        this.tooLong = new FieldProblem("durationMs", "must be at most " + maxDuration.toMillis() + " (" + describe(maxDuration) + ")");
        this.inTheFuture = new FieldProblem("timestamp", "must not be more than " + describe(maxFutureSkew) + " in the future");
        this.tooManyAttributes = new FieldProblem("attributes", "must hold at most " + labels.attributes() + " attributes");
        this.attributeKeyTooLong = new FieldProblem("attributes", "names must be at most " + labels.attributeKey() + " characters");
        this.attributeValueTooLong = "must be at most " + labels.attributeValue() + " characters";
    }

    /** Every problem of the sample; empty when it is valid. */
    public List<FieldProblem> problems(SampleInput sample, Instant now) {
        List<FieldProblem> problems = null;
        if (sample.kind() == null) {
            problems = add(problems, NO_KIND);
        } else if (!KINDS.contains(sample.kind())) {
            problems = add(problems, UNKNOWN_KIND);
        }
        problems = label(problems, "service", sample.service(), labels.service(), true);
        problems = label(problems, "operation", sample.operation(), labels.operation(), true);
        problems = label(problems, "provider", sample.provider(), labels.provider(), false);
        problems = label(problems, "region", sample.region(), labels.region(), true);
        problems = label(problems, "environment", sample.environment(), labels.environment(), true);
        problems = label(problems, "errorType", sample.errorType(), labels.errorType(), false);
        problems = label(problems, "chainId", sample.chainId(), labels.text(), false);
        problems = label(problems, "step", sample.step(), labels.text(), false);
        problems = label(problems, "route", sample.route(), labels.text(), false);
        problems = label(problems, "model", sample.model(), labels.text(), false);
        Double duration = sample.durationMs();
        if (duration == null) {
            problems = add(problems, NO_DURATION);
        } else if (duration.isNaN() || duration.isInfinite()) {
            problems = add(problems, INFINITE_DURATION);
        } else if (duration < 0) {
            problems = add(problems, NEGATIVE_DURATION);
        } else if (duration > maxDurationMs) {
            problems = add(problems, tooLong);
        }
        Instant timestamp = sample.timestamp();
        if (timestamp == null) {
            problems = add(problems, NO_TIMESTAMP);
        } else if (timestamp.isBefore(Instant.EPOCH)) {
            problems = add(problems, BEFORE_EPOCH);
        } else if (timestamp.isAfter(now.plus(maxFutureSkew))) {
            problems = add(problems, inTheFuture);
        }
        Double cost = sample.costUsd();
        if (cost != null && (cost.isNaN() || cost.isInfinite() || cost < 0)) {
            problems = add(problems, COST);
        }
        if (sample.statusCode() != null && (sample.statusCode() < 100 || sample.statusCode() > 599)) {
            problems = add(problems, STATUS);
        }
        problems = notNegative(problems, "connectionCount", sample.connectionCount());
        problems = notNegative(problems, "disconnects", sample.disconnects());
        problems = notNegative(problems, "tokensIn", sample.tokensIn());
        problems = notNegative(problems, "tokensOut", sample.tokensOut());
        if (sample.attributes() != null && !sample.attributes().isEmpty()) {
            problems = attributes(problems, sample.attributes());
        }
        return problems == null ? List.of() : problems;
    }

    private List<FieldProblem> attributes(List<FieldProblem> problems, Map<String, String> attributes) {
        if (attributes.size() > labels.attributes()) {
            return add(problems, tooManyAttributes);
        }
        boolean keyTooLong = false;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getKey().length() > labels.attributeKey()) {
                keyTooLong = true;
            } else if (attribute.getValue() != null && attribute.getValue().length() > labels.attributeValue()) {
                problems = add(problems, new FieldProblem("attributes." + attribute.getKey(), attributeValueTooLong));
            }
        }
        return keyTooLong ? add(problems, attributeKeyTooLong) : problems;
    }

    private static List<FieldProblem> label(List<FieldProblem> problems, String field, String value, int maxLength, boolean required) {
        if (required && (value == null || value.isBlank())) {
            return add(problems, new FieldProblem(field, "must not be blank"));
        }
        return value != null && value.length() > maxLength
                ? add(problems, new FieldProblem(field, "must be at most " + maxLength + " characters")) : problems;
    }

    private static List<FieldProblem> notNegative(List<FieldProblem> problems, String field, Number value) {
        return value != null && value.longValue() < 0 ? add(problems, new FieldProblem(field, "must be >= 0")) : problems;
    }

    /** Most samples have no problem: the list is made only for those that have one. */
    private static List<FieldProblem> add(List<FieldProblem> problems, FieldProblem problem) {
        List<FieldProblem> to = problems == null ? new ArrayList<>(2) : problems;
        to.add(problem);
        return to;
    }

    /** "1h", "90s", "1h30m" rather than ISO's "PT1H". */
    static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
