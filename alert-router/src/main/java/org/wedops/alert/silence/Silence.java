package org.wedops.alert.silence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.wedops.alert.routing.LabelMatcher;

/**
 * Alerts matching every matcher are not notified between {@code startsAt} and {@code endsAt}.
 *
 * @param expireOnResolve the silence ends as soon as an alert it matches resolves (Alertmanager lacks this)
 */
public record Silence(UUID id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                      boolean expireOnResolve, Instant expiredAt) {

    public boolean activeAt(Instant now) {
        return expiredAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
    }

    public boolean silences(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
