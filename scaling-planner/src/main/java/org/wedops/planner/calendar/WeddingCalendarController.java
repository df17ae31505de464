package org.wedops.planner.calendar;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
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
import org.wedops.events.Topics;
import org.wedops.events.WeddingCancelled;
import org.wedops.events.WeddingScheduled;
import org.wedops.planner.ScalingPlannerProperties;
import org.wedops.support.audit.AuditLog;
import org.wedops.planner.protection.ProtectionLoop;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The wedding calendar over HTTP. A change is published to ops.weddings.v1 first (the topic is the calendar's
 * log, which the wedding app writes too), then applied here at once with the same event id, so the answer already
 * shows it and the listener finds the event not newer when it comes back.
 */
@RestController
@RequestMapping("/api/weddings")
class WeddingCalendarController {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final WeddingCalendar calendar;
    private final EventPublisher publisher;
    private final ProtectionLoop protection;
    private final AuditLog audit;
    private final DatabaseClient db;
    private final ScalingPlannerProperties properties;
    private final Clock clock;

    WeddingCalendarController(WeddingCalendar calendar, EventPublisher publisher, ProtectionLoop protection, AuditLog audit,
                              DatabaseClient db, ScalingPlannerProperties properties, Clock clock) {
        this.calendar = calendar;
        this.publisher = publisher;
        this.protection = protection;
        this.audit = audit;
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Weddings on any day from {@code from} (default today, UTC) to {@code to} (both inclusive, local dates). */
    @GetMapping
    Flux<CalendarEntry> weddings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String region) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : start.plus(properties.defaultCalendarSpan());
        if (end.isBefore(start)) {
            throw new InvalidRequestException("to", "must not be before 'from'");
        }
        if (end.isAfter(start.plus(properties.maxCalendarSpan()))) {
            throw new InvalidRequestException("to", "must be at most " + properties.maxCalendarSpan() + " after 'from'");
        }
        return calendar.between(start, end, region == null || region.isBlank() ? null : region);
    }

    @GetMapping("/{id}")
    Mono<CalendarEntry> wedding(@PathVariable String id) {
        return calendar.find(id).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no wedding " + id)));
    }

    /** Schedules a wedding; posting the same id again replaces it (idempotent by id). */
    @PostMapping
    Mono<ResponseEntity<CalendarEntry>> schedule(@RequestBody WeddingRequest request, Principal principal) {
        String id = request.id() == null || request.id().isBlank() ? "w-" + UUID.randomUUID().toString().substring(0, 12) : request.id();
        return store(id, request, principal, "wedding.schedule")
                .map(entry -> ResponseEntity.created(URI.create("/api/weddings/" + id)).body(entry));
    }

    @PutMapping("/{id}")
    Mono<CalendarEntry> reschedule(@PathVariable String id, @RequestBody WeddingRequest request, Principal principal) {
        if (request.id() != null && !request.id().isBlank() && !request.id().equals(id)) {
            return Mono.error(new InvalidRequestException("id", "must match the path or be left out"));
        }
        return store(id, request, principal, "wedding.reschedule");
    }

    /** Cancels a scheduled wedding, releasing its windows. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> cancel(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal) {
        Instant now = clock.instant();
        return calendar.find(id)
                .filter(entry -> "SCHEDULED".equals(entry.status()))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no scheduled wedding " + id)))
                .then(occurredAt(id, now))
                .flatMap(at -> {
                    WeddingCancelled event = WeddingCancelled.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                            .setWeddingId(id).setReason(reason).build();
                    return publisher.publish(Topics.WEDDINGS, id, event)
                            .then(calendar.cancel(id, reason, UUID.fromString(event.getEventId()), at));
                })
                .flatMap(applied -> audit.record(now, principal.getName(), "wedding.cancel", id, reason, applied ? "CANCELLED" : "NOT_NEWER"))
                .doOnSuccess(done -> protection.changed())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * A change made through the API is the newest word on the wedding: it happens now, or just after the last event
     * applied if that one claims a later time (a writer whose clock runs ahead), so it is never ignored as older.
     */
    private Mono<Instant> occurredAt(String id, Instant now) {
        return calendar.lastEventAt(id)
                .map(last -> last.isBefore(now) ? now : last.plusMillis(1))
                .defaultIfEmpty(now);
    }

    private Mono<CalendarEntry> store(String id, WeddingRequest request, Principal principal, String action) {
        List<FieldProblem> problems = request.problems(false);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        Instant now = clock.instant();
        return Mono.zip(region(request), occurredAt(id, now)).flatMap(resolved -> {
            String region = resolved.getT1();
            Instant at = resolved.getT2();
            Wedding wedding = request.toWedding(id, region);
            WeddingScheduled event = WeddingScheduled.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setWeddingId(id).setDate(wedding.date().toString())
                    .setStartTime(wedding.startTime().format(HOURS_MINUTES)).setEndTime(wedding.endTime().format(HOURS_MINUTES))
                    .setRegion(region).setTimeZone(wedding.timeZone()).setCulture(wedding.culture())
                    .setGuestCount(wedding.guestCount()).setDays(wedding.days()).setVenueType(wedding.venueType())
                    .build();
            return publisher.publish(Topics.WEDDINGS, id, event)
                    .then(calendar.schedule(wedding, UUID.fromString(event.getEventId()), at))
                    .flatMap(applied -> audit.record(now, principal.getName(), action, id, null, applied ? "SCHEDULED" : "NOT_NEWER"))
                    .doOnSuccess(done -> protection.changed())
                    .then(calendar.find(id));
        });
    }

    /** The request's region, or the region whose zone is the request's time zone. */
    private Mono<String> region(WeddingRequest request) {
        if (request.region() != null && !request.region().isBlank()) {
            return Mono.just(request.region());
        }
        String zone = java.time.ZoneId.of(request.timeZone()).getId();
        return db.sql("select id from region where time_zone = :zone order by id limit 1").bind("zone", zone)
                .map((row, meta) -> row.get("id", String.class)).one()
                .switchIfEmpty(Mono.error(new InvalidRequestException("region", "no region has the time zone " + zone + "; give a region")));
    }
}
