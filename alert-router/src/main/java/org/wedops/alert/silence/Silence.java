package org.wedops.alert.silence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.time.ZoneId;

import org.wedops.alert.routing.LabelMatcher;
import org.wedops.alert.routing.WeeklyWindow;

/**
 * Alerts matching every matcher are not notified between {@code startsAt} and {@code endsAt}.
 *
 * @param expireOnResolve the silence ends as soon as an alert it matches resolves (Alertmanager lacks this)
 */
public record Silence(UUID id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                      boolean expireOnResolve, Instant expiredAt, Recurrence recurrence) {

    /** A silence that only holds within a weekly window, e.g. Saturdays 09:00–12:00 London time. */
    public record Recurrence(WeeklyWindow window, ZoneId zone) {
    }

    public boolean activeAt(Instant now) {
        return expiredAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now)
                && (recurrence == null || recurrence.window().contains(now, recurrence.zone()));
    }

    /** Until when it holds alerts back from now on: its end, or the end of the current weekly window. */
    public Instant heldUntil(Instant now) {
        if (recurrence == null) {
            return endsAt;
        }
        Instant windowEnd = recurrence.window().currentEnd(now, recurrence.zone()).orElse(now);
        return windowEnd.isBefore(endsAt) ? windowEnd : endsAt;
    }

    public boolean silences(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
