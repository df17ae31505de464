package org.wedops.alert.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

class SilenceRequestTest {

    private static final Instant NOW = Instant.parse("2026-06-06T10:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final WeeklyRecurrence SATURDAY_MORNINGS = new WeeklyRecurrence(List.of("saturday"), "09:00", "12:00", "Europe/London");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # what is asked                 | matcher                 | startsAt             | endsAt               | field       | message
            end before start                | service="crm"           | -                    | 2026-06-06T09:00:00Z | endsAt      | must be after startsAt
            end at the start                | service="crm"           | 2026-06-06T12:00:00Z | 2026-06-06T12:00:00Z | endsAt      | must be after startsAt
            longer than 30 days             | service="crm"           | -                    | 2026-07-06T10:00:01Z | endsAt      | a silence lasts at most 30 days
            30 days from a future start     | service="crm"           | 2026-06-10T00:00:00Z | 2026-07-10T00:00:01Z | endsAt      | a silence lasts at most 30 days
            a matcher without quotes        | service=crm             | -                    | 2026-06-06T11:00:00Z | matchers[0] | -
            a matcher without an operator   | "crm"                   | -                    | 2026-06-06T11:00:00Z | matchers[0] | -
            """)
    void aBadSilenceIsRefusedNamingTheField(String what, String matcher, Instant startsAt, Instant endsAt, String field, String message) {
        SilenceRequest request = new SilenceRequest(List.of(matcher), startsAt, endsAt, "maintenance", null, null);

        assertThatThrownBy(() -> request.toSilence(ID, "ops", NOW)).isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
            assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(field);
            if (message != null) {
                assertThat(refused.problems().get(0).message()).isEqualTo(message);
            }
        });
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        SilenceRequest request = new SilenceRequest(List.of("service=\"crm\"", "nonsense", "also nonsense"), null, NOW.minusSeconds(1),
                "maintenance", null, null);

        assertThatThrownBy(() -> request.toSilence(ID, "ops", NOW)).isInstanceOfSatisfying(InvalidRequestException.class, refused ->
                assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("matchers[1]", "matchers[2]", "endsAt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # what is wrong               | weekdays | start | end   | zone
            a day that does not exist     | caturday | 09:00 | 12:00 | Europe/London
            a time that is not HH:mm      | saturday | 9am   | 12:00 | Europe/London
            no end                        | saturday | 09:00 | -     | Europe/London
            a zone that does not exist    | saturday | 09:00 | 12:00 | Europe/Atlantis
            no zone                       | saturday | 09:00 | 12:00 | -
            """)
    void anUnreadableRecurrenceIsRefusedAsTheRecurrence(String what, String weekdays, String start, String end, String zone) {
        SilenceRequest request = new SilenceRequest(List.of("service=\"crm\""), null, NOW.plusSeconds(3600), "maintenance", null,
                new WeeklyRecurrence(List.of(weekdays), start, end, zone));

        assertThatThrownBy(() -> request.toSilence(ID, "ops", NOW)).isInstanceOfSatisfying(InvalidRequestException.class, refused ->
                assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("recurrence"));
    }

    @Test
    void aGoodRequestStartsNowWhenNoStartIsGivenAndKeepsItsWeeklyWindow() {
        SilenceRequest request = new SilenceRequest(List.of("service=\"crm\"", "severity=~\"HIGH|MEDIUM\""), null,
                NOW.plusSeconds(7 * 86_400), "venue maintenance", true, SATURDAY_MORNINGS);

        Silence silence = request.toSilence(ID, "ops", NOW);

        assertThat(silence.id()).isEqualTo(ID);
        assertThat(silence.startsAt()).isEqualTo(NOW);
        assertThat(silence.endsAt()).isEqualTo(NOW.plusSeconds(7 * 86_400));
        assertThat(silence.createdBy()).isEqualTo("ops");
        assertThat(silence.expireOnResolve()).isTrue();
        assertThat(silence.matchers()).hasSize(2);
        assertThat(silence.recurrence().window().days()).isEqualTo(Set.of(DayOfWeek.SATURDAY));
        assertThat(silence.recurrence().window().start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(WeeklyRecurrence.of(silence.recurrence())).isEqualTo(SATURDAY_MORNINGS);
    }

    @Test
    void exactlyThirtyDaysIsAllowed() {
        SilenceRequest request = new SilenceRequest(List.of("service=\"crm\""), null, NOW.plus(SilenceRequest.LONGEST), "long works", null, null);

        assertThat(request.toSilence(ID, "ops", NOW).endsAt()).isEqualTo(NOW.plus(SilenceRequest.LONGEST));
        assertThat(request.toSilence(ID, "ops", NOW).expireOnResolve()).isFalse();
    }
}
