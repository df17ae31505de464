package org.wedops.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.InvalidRequestException;

class AuditQueryTest {

    @ParameterizedTest(name = "actor={0} action={1} from={2} to={3} limit={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            "null,  null,            null,                 null,                 null, 100",
            "alice, target.register, 2026-06-06T00:00:00Z, 2026-06-07T00:00:00Z, 25,   25",
            "'',    '',              '',                   '',                   '',   100",
            "null,  null,            null,                 null,                 500,  500",
            "null,  null,            null,                 null,                 1,    1"})
    void acceptedQueriesAreReadAsGiven(String actor, String action, String from, String to, String limit, int expectedLimit) {
        AuditQuery query = AuditQuery.of(actor, action, from, to, limit);
        assertThat(query.limit()).isEqualTo(expectedLimit);
        assertThat(query.actor()).isEqualTo(actor == null || actor.isBlank() ? null : actor);
        assertThat(query.from()).isEqualTo(from == null || from.isBlank() ? null : Instant.parse(from));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "limit, 0",
            "limit, 501",
            "limit, 1000000000000",
            "limit, ten",
            "from,  yesterday",
            "to,    2026-13-01T00:00:00Z"})
    void wrongParametersAreRefusedNamingTheField(String field, String value) {
        assertThatThrownBy(() -> AuditQuery.of(null, null, field.equals("from") ? value : null, field.equals("to") ? value : null,
                field.equals("limit") ? value : null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly(field));
    }

    @ParameterizedTest(name = "from {0} to {1} is refused")
    @CsvSource({"2026-06-07T00:00:00Z, 2026-06-06T00:00:00Z", "2026-06-06T00:00:00Z, 2026-06-06T00:00:00Z"})
    void aRangeThatEndsBeforeItStartsIsRefused(String from, String to) {
        assertThatThrownBy(() -> AuditQuery.of(null, null, from, to, null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("from"));
    }

    @org.junit.jupiter.api.Test
    void anAbsurdlyLongActorIsRefused() {
        assertThatThrownBy(() -> AuditQuery.of("a".repeat(10_000), null, null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("actor"));
    }
}
