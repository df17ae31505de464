package org.wedops.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.wedops.alert.routing.LabelMatcher;
import org.wedops.alert.silence.Silence;
import org.wedops.alert.silence.WeeklyRecurrence;

/** A silence as the API shows it: matchers and recurrence in the words they were given in. */
record SilenceView(UUID id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                   boolean expireOnResolve, Instant expiredAt, WeeklyRecurrence recurrence) {

    static SilenceView of(Silence silence) {
        return new SilenceView(silence.id(), silence.matchers().stream().map(LabelMatcher::toString).toList(), silence.startsAt(),
                silence.endsAt(), silence.createdBy(), silence.comment(), silence.expireOnResolve(), silence.expiredAt(),
                silence.recurrence() == null ? null : WeeklyRecurrence.of(silence.recurrence()));
    }
}
