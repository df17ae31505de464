package org.wedops.planner.calendar;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The wedding calendar over HTTP; what a change does is {@link CalendarRequests}'s. */
@RestController
@RequestMapping("/api/weddings")
@RequiredArgsConstructor
class WeddingCalendarController {

    private final WeddingCalendar calendar;
    private final CalendarRequests requests;

    /** Weddings on any day from {@code from} (default today, UTC) to {@code to} (both inclusive, local dates). */
    @GetMapping
    Flux<CalendarEntry> weddings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String region) {
        return requests.between(from, to, region);
    }

    @GetMapping("/{id}")
    Mono<CalendarEntry> wedding(@PathVariable String id) {
        return calendar.find(id).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no wedding " + id)));
    }

    /** Schedules a wedding; posting the same id again replaces it (idempotent by id). */
    @PostMapping
    Mono<ResponseEntity<CalendarEntry>> schedule(@RequestBody WeddingRequest request, Principal principal) {
        String id = CalendarRequests.idOf(request);
        return requests.store(id, request, principal.getName(), "wedding.schedule")
                .map(entry -> ResponseEntity.created(URI.create("/api/weddings/" + id)).body(entry));
    }

    @PutMapping("/{id}")
    Mono<CalendarEntry> reschedule(@PathVariable String id, @RequestBody WeddingRequest request, Principal principal) {
        return requests.reschedule(id, request, principal.getName());
    }

    /** Cancels a scheduled wedding, releasing its windows. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> cancel(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal) {
        return requests.cancel(id, reason, principal.getName()).thenReturn(ResponseEntity.noContent().build());
    }
}
