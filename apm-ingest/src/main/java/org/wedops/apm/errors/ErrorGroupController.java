package org.wedops.apm.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;

/** Error groups, most recently seen first. */
@RestController
class ErrorGroupController {

    private static final int MAX_LIMIT = 1000;

    private final ErrorGroupStore store;
    private final Clock clock;

    ErrorGroupController(ErrorGroupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param since ISO instant; the last 24 hours by default */
    @GetMapping("/api/apm/errors")
    Flux<ErrorGroupStore.ErrorGroup> errors(@RequestParam(required = false) String service, @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) String since, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return store.recent(service, kind, since == null ? clock.instant().minus(Duration.ofDays(1)) : instant(since), limit);
    }

    private static Instant instant(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z");
        }
    }
}
