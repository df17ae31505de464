package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.InvalidRequestException;

class BatchIdsTest {

    private final BatchIds batchIds = new BatchIds(8);

    @ParameterizedTest(name = "header={0}, body={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null,     null,     null",
            "b-1,      null,     b-1",
            "null,     b-1,      b-1",
            "b-1,      b-1,      b-1",
            "a.b_c:d-, null,     a.b_c:d-",
            "12345678, 12345678, 12345678",
    })
    void aBatchHasTheIdOfItsHeaderOrItsBodyOrNone(String header, String inBody, String expected) {
        assertThat(batchIds.of(header, inBody)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "header={0}, body={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "b-1,       b-2,       batchId",
            "null,      '',        batchId",
            "null,      123456789, batchId",
            "null,      'b 1',     batchId",
            "null,      b/1,       batchId",
            "null,      bé,        batchId",
    })
    void aMalformedOrContradictedBodyIdIsAProblemNamingTheField(String header, String inBody, String field) {
        assertThatThrownBy(() -> batchIds.of(header, inBody))
                .isInstanceOfSatisfying(InvalidRequestException.class, problem ->
                        assertThat(problem.problems()).extracting(p -> p.field()).containsExactly(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"''", "123456789", "'b 1'", "b/1", "'b;1'"})
    void aMalformedHeaderIsAProblemNamingTheHeader(String header) {
        assertThatThrownBy(() -> batchIds.check(BatchIds.HEADER, header))
                .isInstanceOfSatisfying(InvalidRequestException.class, problem ->
                        assertThat(problem.problems()).extracting(p -> p.field()).containsExactly("Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {"b-1, Idempotency-Key", "null, batchId"})
    void aBatchIdUsedForAnotherBodyIsNamedWhereItCameFrom(String header, String source) {
        assertThat(BatchIds.source(header)).isEqualTo(source);
    }
}
