package org.wedops.apm.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Models as the API shows them: the recently observed ones at a glance, or one in full, each judged against a
 * reference span. Checks what a caller asks for (a 400 naming {@code limit} or {@code reference}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ModelListing {

    /** Models silent for longer are not listed (which also bounds the rows the list reads). */
    static final Duration LISTED_WITHIN = Duration.ofDays(7);
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final ModelReports reports;
    private final ModelMonitoringProperties settings;
    private final Clock clock;

    /**
     * The models observed in the last {@link #LISTED_WITHIN}, the most recently observed first, each judged as
     * {@link #report} judges it: at most {@code limit} (1-{@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when null), since
     * each costs a report's reads.
     */
    Mono<ModelList> list(String limit, String reference) {
        int max = limit(limit);
        ReferenceWindow against = referenceWindow(reference);
        Instant now = clock.instant();
        // an observation stamped in the future (an emitter's clock, or a bug) would head the list for good: not listed
        return reports.observedSince(now.minus(LISTED_WITHIN), now.plus(FUTURE_SKEW), max + 1)
                .flatMap(observed -> Flux.fromIterable(observed.subList(0, Math.min(max, observed.size())))
                        .concatMap(model -> reports.of(model.modelId(), against).map(report -> ModelStatus.of(report, model.lastObservedAt())))
                        .collectList()
                        .map(models -> new ModelList(against, LISTED_WITHIN.toDays(), observed.size() > max, models)));
    }

    /** One model's report; a 404 when it was never observed. */
    Mono<ModelReport> report(String id, String reference) {
        return reports.of(id, referenceWindow(reference))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "model " + id + " was never observed")));
    }

    /**
     * @param listedWithinDays models last observed longer ago than this are not listed
     * @param more             whether models beyond the limit were left out
     */
    record ModelList(ReferenceWindow reference, long listedWithinDays, boolean more, List<ModelStatus> models) {
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, like an out-of-range number
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The configured reference when none is asked for. */
    private ReferenceWindow referenceWindow(String reference) {
        if (reference == null) {
            return settings.reference();
        }
        try {
            return ReferenceWindow.valueOf(reference.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("reference", "must be one of " + Arrays.toString(ReferenceWindow.values()));
        }
    }
}
