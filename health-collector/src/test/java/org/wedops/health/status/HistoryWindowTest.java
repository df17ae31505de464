package org.wedops.health.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.support.web.InvalidRequestException;

class HistoryWindowTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:00Z");

    @ParameterizedTest(name = "from={0} to={1} -> [{2}, {3})")
    @CsvSource(nullValues = "null", value = {
            "null,                 null,                 2026-06-06T13:00:00Z, 2026-06-06T14:00:00Z",
            "null,                 2026-06-01T10:00:00Z, 2026-06-01T09:00:00Z, 2026-06-01T10:00:00Z",
            "2026-06-06T10:00:00Z, null,                 2026-06-06T10:00:00Z, 2026-06-06T14:00:00Z",
            "2026-06-01T00:00:00Z, 2026-06-02T00:00:00Z, 2026-06-01T00:00:00Z, 2026-06-02T00:00:00Z",
            "2026-06-06T13:59:59Z, 2026-06-07T00:00:00Z, 2026-06-06T13:59:59Z, 2026-06-07T00:00:00Z",
    })
    void aLeftOutEndDefaultsToNowAndALeftOutStartToAnHourBeforeTheEnd(Instant from, Instant to, Instant start, Instant end) {
        assertThat(HistoryWindow.of(from, to, NOW)).isEqualTo(new HistoryWindow(start, end));
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource(nullValues = "null", value = {
            "2026-06-06T14:00:00Z, 2026-06-06T14:00:00Z",
            "2026-06-06T15:00:00Z, 2026-06-06T14:00:00Z",
            "2026-06-06T14:00:00Z, null",
            "2030-01-01T00:00:00Z, null",
    })
    void aRangeThatDoesNotMoveForwardIsRefusedNamingFrom(Instant from, Instant to) {
        assertThatThrownBy(() -> HistoryWindow.of(from, to, NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.problems()).extracting("field").containsExactly("from"));
    }
}
