package org.wedops.health.status;

import java.time.Duration;
import java.time.Instant;

import org.wedops.support.web.InvalidRequestException;

/**
 * Pure rule: the time range a history request reads. Either end may be left out: the range ends now and spans the
 * last hour by default; a range that does not move forward is refused naming {@code from}.
 */
record HistoryWindow(Instant from, Instant to) {

    static final Duration DEFAULT_SPAN = Duration.ofHours(1);

    static HistoryWindow of(Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_SPAN);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before 'to'");
        }
        return new HistoryWindow(start, end);
    }
}
