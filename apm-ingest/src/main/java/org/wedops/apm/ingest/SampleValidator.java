package org.wedops.apm.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.wedops.support.web.FieldProblem;

/** Pure rules a sample must meet before it goes on ops.apm.samples.v1. */
public final class SampleValidator {

    /** The kinds an emitter may send; OTHER exists only so that old readers survive a new kind. */
    static final Set<String> KINDS = Set.of("WEBHOOK", "WEBSOCKET", "AI_INFERENCE", "HTTP");

    private final Duration maxFutureSkew;

    public SampleValidator(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    /** Every problem of the sample; empty when it is valid. */
    public List<FieldProblem> problems(SampleInput sample, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (sample.kind() == null) {
            problems.add(new FieldProblem("kind", "must not be null"));
        } else if (!KINDS.contains(sample.kind())) {
            problems.add(new FieldProblem("kind", "must be one of WEBHOOK, WEBSOCKET, AI_INFERENCE, HTTP"));
        }
        notBlank(problems, "service", sample.service());
        notBlank(problems, "operation", sample.operation());
        notBlank(problems, "region", sample.region());
        notBlank(problems, "environment", sample.environment());
        if (sample.durationMs() == null) {
            problems.add(new FieldProblem("durationMs", "must not be null"));
        } else if (sample.durationMs().isNaN() || sample.durationMs().isInfinite()) {
            problems.add(new FieldProblem("durationMs", "must be a finite number"));
        } else if (sample.durationMs() < 0) {
            problems.add(new FieldProblem("durationMs", "must be >= 0"));
        }
        if (sample.timestamp() == null) {
            problems.add(new FieldProblem("timestamp", "must not be null"));
        } else if (sample.timestamp().isAfter(now.plus(maxFutureSkew))) {
            problems.add(new FieldProblem("timestamp", "must not be more than " + describe(maxFutureSkew) + " in the future"));
        }
        return problems;
    }

    private static void notBlank(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        }
    }

    /** "1h", "90s", "1h30m" rather than ISO's "PT1H". */
    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
