package org.wedops.apm.models;

import java.time.Duration;
import java.time.Instant;

/**
 * What a model's recent scores are compared with. Wedding traffic is seasonal and weekly: against the previous hours,
 * every Saturday and every May would look like drift. So the reference can be the same span a week earlier (peak
 * Saturday against peak Saturday) or 52 weeks earlier (same weekday, same season).
 */
public enum ReferenceWindow {

    /** The span right before the current one. */
    PREVIOUS_PERIOD,
    /** The same span one week earlier: the same weekday and hours. */
    SAME_WEEKDAY,
    /** The same span 52 weeks earlier: the same weekday in the same season last year. */
    SAME_SEASON;

    public Span of(Span current) {
        Duration shift = switch (this) {
            case PREVIOUS_PERIOD -> Duration.between(current.from(), current.to());
            case SAME_WEEKDAY -> Duration.ofDays(7);
            case SAME_SEASON -> Duration.ofDays(7L * 52);
        };
        return new Span(current.from().minus(shift), current.to().minus(shift));
    }

    /** A half-open span of time [from, to). */
    public record Span(Instant from, Instant to) {
    }
}
