package org.wedops.alert.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.wedops.alert.routing.LabelMatcher;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

/**
 * A silence as a person asks for it. Beyond the bean constraints, {@link #toSilence} is the rule: every matcher
 * parses, the silence ends after it starts (now, when no start is given) and lasts at most {@link #LONGEST}, and a
 * recurrence is a readable weekly window.
 */
public record SilenceRequest(@NotEmpty @Size(max = 20) List<@NotBlank String> matchers, Instant startsAt, @NotNull Instant endsAt,
                             @NotBlank @Size(max = 1000) String comment, Boolean expireOnResolve, WeeklyRecurrence recurrence) {

    public static final Duration LONGEST = Duration.ofDays(30);

    /** The silence asked for; every problem found is refused at once, each naming its field. */
    public Silence toSilence(UUID id, String createdBy, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        List<LabelMatcher> parsed = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            try {
                parsed.add(LabelMatcher.parse(matchers.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("matchers[" + i + "]", e.getMessage()));
            }
        }
        Instant starts = startsAt != null ? startsAt : now;
        if (!endsAt.isAfter(starts)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        } else if (Duration.between(starts, endsAt).compareTo(LONGEST) > 0) {
            problems.add(new FieldProblem("endsAt", "a silence lasts at most 30 days"));
        }
        Silence.Recurrence weekly = null;
        if (recurrence != null && problems.isEmpty()) {
            try {
                weekly = recurrence.toRecurrence();
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("recurrence",
                        "needs weekdays (e.g. monday:friday), startTime and endTime as HH:mm and an IANA timeZone"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Silence(id, List.copyOf(parsed), starts, endsAt, createdBy, comment, Boolean.TRUE.equals(expireOnResolve), null, weekly);
    }
}
