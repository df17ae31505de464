package org.wedops.apm.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.InvalidRequestException;

class ErrorGroupQueryTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");

    @ParameterizedTest(name = "since={0}, limit={1} -> since {2}")
    @CsvSource(nullValues = "null", value = {
            "null,                 100,  2026-06-05T14:00:00Z",
            "2026-06-06T13:00:00Z, 1,    2026-06-06T13:00:00Z",
            "2030-01-01T00:00:00Z, 1000, 2030-01-01T00:00:00Z",
    })
    void aQuestionThatCanBeAnsweredIsTakenAsAsked(String since, int limit, Instant expectedSince) {
        ErrorGroupQuery query = ErrorGroupQuery.parse("payments", "WEBHOOK", since, limit, NOW);

        assertThat(query).isEqualTo(new ErrorGroupQuery("payments", "WEBHOOK", expectedSince, limit));
    }

    @ParameterizedTest(name = "since={0}, limit={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null,                 0,    limit",
            "null,                 -5,   limit",
            "null,                 1001, limit",
            "yesterday,            100,  since",
            "2026-06-06,           100,  since",
            "'',                   100,  since",
    })
    void anImpossibleQuestionIsAProblemNamingItsParameter(String since, int limit, String field) {
        assertThatThrownBy(() -> ErrorGroupQuery.parse(null, null, since, limit, NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, problem ->
                        assertThat(problem.problems()).extracting(p -> p.field()).containsExactly(field));
    }
}
