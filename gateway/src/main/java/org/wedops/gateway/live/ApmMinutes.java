package org.wedops.gateway.live;

import java.time.format.DateTimeParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * APM windows on the feed as one {@code apm} event per closed minute, not one per window: apm-ingest closes a window
 * per series per minute, thousands on a busy platform, which would fill every console's buffer each minute. The
 * console needs only "the minute ending at T has closed" to read its charts again. A window for a minute already
 * announced (a late series) says nothing new; one ending further ahead than {@link #FUTURE_SKEW} (a wrong clock) is
 * not believed, or it would silence the feed until then.
 */
@RequiredArgsConstructor
final class ApmMinutes {

    static final Duration FUTURE_SKEW = Duration.ofMinutes(2);

    private final Clock clock;
    private Instant announced = Instant.EPOCH;

    /** Called from the feed's one consumer thread only. */
    Optional<LiveEvent> closed(Map<String, Object> window) {
        if (!(window.get("windowEnd") instanceof String text)) {
            return Optional.empty();
        }
        Instant end;
        try {
            end = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (!end.isAfter(announced) || end.isAfter(clock.instant().plus(FUTURE_SKEW))) {
            return Optional.empty();
        }
        announced = end;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("windowEnd", end.toString());
        event.put("occurredAt", end.toString());
        return Optional.of(new LiveEvent("apm", "apm-" + end.toEpochMilli(), null, event));
    }
}
