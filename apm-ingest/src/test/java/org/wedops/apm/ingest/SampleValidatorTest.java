package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.FieldProblem;

class SampleValidatorTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");
    private static final SampleValidator VALIDATOR = new SampleValidator(Duration.ofHours(1));

    @Test
    void aCompleteSampleHasNoProblems() {
        assertThat(VALIDATOR.problems(sample("WEBHOOK", "payments", 123.4, NOW), NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} ms at {3} -> {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            WEBHOOK      | payments | -1    | 2026-06-06T14:00:00Z | durationMs  | must be >= 0
            HTTP         | payments | -     | 2026-06-06T14:00:00Z | durationMs  | must not be null
            OTHER        | payments | 5     | 2026-06-06T14:00:00Z | kind        | must be one of WEBHOOK, WEBSOCKET, AI_INFERENCE, HTTP
            -            | payments | 5     | 2026-06-06T14:00:00Z | kind        | must not be null
            AI_INFERENCE | ' '      | 5     | 2026-06-06T14:00:00Z | service     | must not be blank
            WEBSOCKET    | chat     | 5     | 2026-06-06T15:00:01Z | timestamp   | must not be more than 1h in the future
            WEBSOCKET    | chat     | 5     | -                    | timestamp   | must not be null
            """)
    void aWrongFieldIsNamedWithTheReason(String kind, String service, Double durationMs, Instant timestamp, String field, String reason) {
        assertThat(VALIDATOR.problems(sample(kind, service, durationMs, timestamp), NOW))
                .containsExactly(new FieldProblem(field, reason));
    }

    @Test
    void aTimestampExactlyAtTheAllowedSkewAndOneFromThePastAreAccepted() {
        assertThat(VALIDATOR.problems(sample("HTTP", "crm", 0.0, NOW.plus(Duration.ofHours(1))), NOW)).isEmpty();
        assertThat(VALIDATOR.problems(sample("HTTP", "crm", 0.0, NOW.minus(Duration.ofDays(2))), NOW)).isEmpty();
    }

    @Test
    void everyProblemOfOneSampleIsReported() {
        SampleInput empty = new SampleInput(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);

        assertThat(VALIDATOR.problems(empty, NOW)).extracting(FieldProblem::field)
                .containsExactly("kind", "service", "operation", "region", "environment", "durationMs", "timestamp");
    }

    private static SampleInput sample(String kind, String service, Double durationMs, Instant timestamp) {
        return new SampleInput(kind, service, "stripe.invoice.paid", "stripe", "uk", "prod", timestamp, durationMs, true, null,
                null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }
}
