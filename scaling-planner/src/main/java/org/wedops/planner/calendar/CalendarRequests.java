package org.wedops.planner.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.events.Topics;
import org.wedops.events.WeddingCancelled;
import org.wedops.events.WeddingScheduled;
import org.wedops.planner.protection.ProtectionInputsChanged;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a person asks of the wedding calendar. A query is bounded. A change is published to ops.weddings.v1 first
 * (the topic is the calendar's log, which the wedding app writes too), then applied here at once with the same event
 * id, so the answer already shows it and the listener finds the event not newer when it comes back; it is audited and
 * protection is republished.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarRequests {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final WeddingCalendar calendar;
    private final EventPublisher publisher;
    private final ApplicationEventPublisher protection;
    private final AuditLog audit;
    private final DatabaseClient db;
    private final CalendarProperties properties;
    private final Clock clock;

    /** Weddings on any day from {@code from} (default today, UTC) to {@code to} (both inclusive, local dates). */
    public Flux<CalendarEntry> between(LocalDate from, LocalDate to, String region) {
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

    /** The id a new wedding gets when its request names none. */
    public static String idOf(WeddingRequest request) {
        return request.id() == null || request.id().isBlank() ? "w-" + UUID.randomUUID().toString().substring(0, 12) : request.id();
    }

    /** Schedules (or, with {@code action} wedding.reschedule, replaces) the wedding {@code id}; idempotent by id. */
    public Mono<CalendarEntry> store(String id, WeddingRequest request, String by, String action) {
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
                    .flatMap(applied -> audit.record(now, by, action, id, null, applied ? "SCHEDULED" : "NOT_NEWER"))
                    .doOnSuccess(done -> protection.publishEvent(new ProtectionInputsChanged("wedding " + id)))
                    .then(calendar.find(id));
        });
    }

    /** Replaces the wedding {@code id} (idempotent); a request naming another id is refused. */
    public Mono<CalendarEntry> reschedule(String id, WeddingRequest request, String by) {
        if (request.id() != null && !request.id().isBlank() && !request.id().equals(id)) {
            return Mono.error(new InvalidRequestException("id", "must match the path or be left out"));
        }
        return store(id, request, by, "wedding.reschedule");
    }

    /** Cancels a scheduled wedding, releasing its windows. */
    public Mono<Void> cancel(String id, String reason, String by) {
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
                .flatMap(applied -> audit.record(now, by, "wedding.cancel", id, reason, applied ? "CANCELLED" : "NOT_NEWER"))
                .doOnSuccess(done -> protection.publishEvent(new ProtectionInputsChanged("wedding " + id)))
                .then();
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

    /** The request's region, or the region whose zone is the request's time zone. */
    private Mono<String> region(WeddingRequest request) {
        if (request.region() != null && !request.region().isBlank()) {
            return Mono.just(request.region());
        }
        String zone = ZoneId.of(request.timeZone()).getId();
        return db.sql("select id from region where time_zone = :zone order by id limit 1").bind("zone", zone)
                .map((row, meta) -> row.get("id", String.class)).one()
                .switchIfEmpty(Mono.error(new InvalidRequestException("region", "no region has the time zone " + zone + "; give a region")));
    }
}
