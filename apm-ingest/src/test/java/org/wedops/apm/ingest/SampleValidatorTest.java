package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.FieldProblem;

class SampleValidatorTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");
    private static final SampleValidator VALIDATOR = new SampleValidator(Duration.ofSeconds(10), Duration.ofHours(24), LabelLimits.defaults());

    @Test
    void aCompleteSampleHasNoProblems() {
        assertThat(VALIDATOR.problems(sample("WEBHOOK", "payments", 123.4, NOW), NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} ms at {3} -> {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            WEBHOOK      | payments | -1                      | 2026-06-06T14:00:00Z | durationMs  | must be >= 0
            HTTP         | payments | -                       | 2026-06-06T14:00:00Z | durationMs  | must not be null
            HTTP         | payments | 1.7976931348623157e308  | 2026-06-06T14:00:00Z | durationMs  | must be at most 86400000 (24h)
            HTTP         | payments | 1e308                   | 2026-06-06T14:00:00Z | durationMs  | must be at most 86400000 (24h)
            HTTP         | payments | 86400000.001            | 2026-06-06T14:00:00Z | durationMs  | must be at most 86400000 (24h)
            HTTP         | payments | NaN                     | 2026-06-06T14:00:00Z | durationMs  | must be a finite number
            HTTP         | payments | Infinity                | 2026-06-06T14:00:00Z | durationMs  | must be a finite number
            HTTP         | payments | -Infinity               | 2026-06-06T14:00:00Z | durationMs  | must be a finite number
            OTHER        | payments | 5                       | 2026-06-06T14:00:00Z | kind        | must be one of WEBHOOK, WEBSOCKET, AI_INFERENCE, HTTP
            -            | payments | 5                       | 2026-06-06T14:00:00Z | kind        | must not be null
            AI_INFERENCE | ' '      | 5                       | 2026-06-06T14:00:00Z | service     | must not be blank
            WEBSOCKET    | chat     | 5                       | 2026-06-06T14:00:10.001Z | timestamp | must not be more than 10s in the future
            WEBSOCKET    | chat     | 5                       | 2026-06-06T15:00:00Z | timestamp   | must not be more than 10s in the future
            WEBSOCKET    | chat     | 5                       | 1969-12-31T23:59:59Z | timestamp   | must not be before 1970-01-01T00:00:00Z
            WEBSOCKET    | chat     | 5                       | -                    | timestamp   | must not be null
            """)
    void aWrongFieldIsNamedWithTheReason(String kind, String service, Double durationMs, Instant timestamp, String field, String reason) {
        assertThat(VALIDATOR.problems(sample(kind, service, durationMs, timestamp), NOW))
                .containsExactly(new FieldProblem(field, reason));
    }

    @Test
    void aDurationAtTheBoundsAndATimestampExactlyAtTheAllowedSkewOrFromThePastAreAccepted() {
        assertThat(VALIDATOR.problems(sample("HTTP", "crm", 0.0, NOW.plus(Duration.ofSeconds(10))), NOW)).isEmpty();
        assertThat(VALIDATOR.problems(sample("HTTP", "crm", 86_400_000.0, NOW.minus(Duration.ofDays(2))), NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} characters -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            service     | 65   | service     | must be at most 64 characters
            operation   | 257  | operation   | must be at most 256 characters
            provider    | 65   | provider    | must be at most 64 characters
            region      | 33   | region      | must be at most 32 characters
            environment | 33   | environment | must be at most 32 characters
            errorType   | 257  | errorType   | must be at most 256 characters
            chainId     | 257  | chainId     | must be at most 256 characters
            route       | 257  | route       | must be at most 256 characters
            attrKey     | 65   | attributes  | names must be at most 64 characters
            attrValue   | 1025 | attributes.note | must be at most 1024 characters
            attrCount   | 33   | attributes  | must hold at most 32 attributes
            """)
    void aLabelOverItsLimitIsNamedWithTheLimit(String label, int size, String field, String reason) {
        String text = "x".repeat(size);
        SampleInput sample = switch (label) {
            case "service" -> with(s -> s.service = text);
            case "operation" -> with(s -> s.operation = text);
            case "provider" -> with(s -> s.provider = text);
            case "region" -> with(s -> s.region = text);
            case "environment" -> with(s -> s.environment = text);
            case "errorType" -> with(s -> s.errorType = text);
            case "chainId" -> with(s -> s.chainId = text);
            case "route" -> with(s -> s.route = text);
            case "attrKey" -> with(s -> s.attributes = Map.of(text, "v"));
            case "attrValue" -> with(s -> s.attributes = Map.of("note", text));
            case "attrCount" -> with(s -> s.attributes = IntStream.range(0, size).boxed()
                    .collect(Collectors.toMap(i -> "k" + i, i -> "v")));
            default -> throw new IllegalArgumentException(label);
        };
        assertThat(VALIDATOR.problems(sample, NOW)).containsExactly(new FieldProblem(field, reason));
    }

    @Test
    void labelsAtTheirLimitsAreAccepted() {
        Map<String, String> attributes = new HashMap<>();
        IntStream.range(0, 31).forEach(i -> attributes.put("k" + i, "v"));
        attributes.put("x".repeat(64), "y".repeat(1024));
        SampleInput sample = with(s -> {
            s.service = "s".repeat(64);
            s.operation = "o".repeat(256);
            s.region = "r".repeat(32);
            s.attributes = attributes;
        });
        assertThat(VALIDATOR.problems(sample, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            costUsd         | -0.01    | must be a finite number >= 0
            costUsd         | NaN      | must be a finite number >= 0
            statusCode      | 99       | must be an HTTP status from 100 to 599
            statusCode      | 600      | must be an HTTP status from 100 to 599
            connectionCount | -1       | must be >= 0
            tokensIn        | -1       | must be >= 0
            """)
    void otherNumbersOutOfBoundsAreNamed(String field, String value, String reason) {
        SampleInput sample = with(s -> {
            switch (field) {
                case "costUsd" -> s.costUsd = Double.valueOf(value);
                case "statusCode" -> s.statusCode = Integer.valueOf(value);
                case "connectionCount" -> s.connectionCount = Integer.valueOf(value);
                case "tokensIn" -> s.tokensIn = Long.valueOf(value);
                default -> throw new IllegalArgumentException(field);
            }
        });
        assertThat(VALIDATOR.problems(sample, NOW)).containsExactly(new FieldProblem(field, reason));
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

    private static SampleInput with(Consumer<Builder> change) {
        Builder builder = new Builder();
        change.accept(builder);
        return builder.build();
    }

    /** A valid sample, one field changed at a time. */
    private static final class Builder {
        String service = "payments";
        String operation = "stripe.invoice.paid";
        String provider = "stripe";
        String region = "uk";
        String environment = "prod";
        String errorType;
        String chainId;
        String route;
        Integer statusCode;
        Integer connectionCount;
        Long tokensIn;
        Double costUsd;
        Map<String, String> attributes = Map.of();

        SampleInput build() {
            return new SampleInput("HTTP", service, operation, provider, region, environment, NOW, 12.0, true, errorType, statusCode, chainId,
                    null, route, connectionCount, null, null, null, tokensIn, null, costUsd, attributes);
        }
    }
}
