package org.wedops.apm.errors;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

/** Error groups, most recently seen first. */
@RestController
@RequiredArgsConstructor
class ErrorGroupController {

    private final ErrorGroupStore store;
    private final Clock clock;

    /** @param since ISO instant; the last 24 hours by default */
    @GetMapping("/api/apm/errors")
    Flux<ErrorGroupStore.ErrorGroup> errors(@RequestParam(required = false) String service, @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) String since, @RequestParam(defaultValue = "100") int limit) {
        ErrorGroupQuery query = ErrorGroupQuery.parse(service, kind, since, limit, clock.instant());
        return store.recent(query.service(), query.kind(), query.since(), query.limit());
    }
}
