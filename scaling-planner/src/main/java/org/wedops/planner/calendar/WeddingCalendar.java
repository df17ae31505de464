package org.wedops.planner.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.planner.protection.DefaultZoneProperties;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The wedding calendar table. Each write is one statement that applies only an event newer than the last one
 * applied to the wedding (by occurredAt, then event id), so replays and late events from a second writer change
 * nothing.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WeddingCalendar {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final DatabaseClient db;
    private final DefaultZoneProperties properties;
    private final Clock clock;

    /**
     * Stores the wedding as SCHEDULED; answers whether the event was newer than what was stored. A region seen for
     * the first time is registered with the wedding's zone (or the default zone), so its protection is published.
     */
    public Mono<Boolean> schedule(Wedding wedding, UUID eventId, Instant occurredAt) {
        return db.sql("""
                        with new_region as (
                            insert into region (id, time_zone) values (:region, coalesce(:timeZone, :defaultTimeZone))
                            on conflict (id) do nothing)
                        insert into wedding (id, date, start_time, end_time, region, time_zone, culture, guest_count, days, venue_type,
                                             status, cancel_reason, updated_at, last_event_at, last_event_id)
                        values (:id, :date, :startTime, :endTime, :region,
                                coalesce(:timeZone, (select time_zone from region where id = :region), :defaultTimeZone),
                                :culture, :guestCount, :days, :venueType, 'SCHEDULED', null, :now, :occurredAt, :eventId)
                        on conflict (id) do update set date = excluded.date, start_time = excluded.start_time,
                          end_time = excluded.end_time, region = excluded.region, time_zone = excluded.time_zone,
                          culture = excluded.culture, guest_count = excluded.guest_count, days = excluded.days,
                          venue_type = excluded.venue_type, status = excluded.status, cancel_reason = null,
                          updated_at = excluded.updated_at, last_event_at = excluded.last_event_at, last_event_id = excluded.last_event_id
                        where (wedding.last_event_at, wedding.last_event_id) < (excluded.last_event_at, excluded.last_event_id)""")
                .bind("id", wedding.id())
                .bind("date", wedding.date())
                .bind("startTime", wedding.startTime())
                .bind("endTime", wedding.endTime())
                .bind("region", wedding.region())
                .bind("timeZone", Parameter.fromOrEmpty(wedding.timeZone(), String.class))
                .bind("defaultTimeZone", properties.defaultTimeZone().getId())
                .bind("culture", wedding.culture())
                .bind("guestCount", wedding.guestCount())
                .bind("days", wedding.days())
                .bind("venueType", Parameter.fromOrEmpty(wedding.venueType(), String.class))
                .bind("now", at(clock.instant()))
                .bind("occurredAt", at(occurredAt))
                .bind("eventId", eventId)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /**
     * Marks the wedding CANCELLED. A wedding not seen yet is remembered as cancelled, so that its older
     * WeddingScheduled, arriving later, cannot bring it back.
     */
    public Mono<Boolean> cancel(String weddingId, String reason, UUID eventId, Instant occurredAt) {
        return db.sql("""
                        insert into wedding (id, status, cancel_reason, updated_at, last_event_at, last_event_id)
                        values (:id, 'CANCELLED', :reason, :now, :occurredAt, :eventId)
                        on conflict (id) do update set status = excluded.status, cancel_reason = excluded.cancel_reason,
                          updated_at = excluded.updated_at, last_event_at = excluded.last_event_at, last_event_id = excluded.last_event_id
                        where (wedding.last_event_at, wedding.last_event_id) < (excluded.last_event_at, excluded.last_event_id)""")
                .bind("id", weddingId)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .bind("now", at(clock.instant()))
                .bind("occurredAt", at(occurredAt))
                .bind("eventId", eventId)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** When the newest event applied to the wedding happened, if any was. */
    public Mono<Instant> lastEventAt(String id) {
        return db.sql("select last_event_at from wedding where id = :id").bind("id", id)
                .map((row, meta) -> row.get("last_event_at", OffsetDateTime.class).toInstant()).one();
    }

    /** The wedding, scheduled or cancelled. */
    public Mono<CalendarEntry> find(String id) {
        return db.sql("select * from wedding where id = :id and date is not null").bind("id", id).map(WeddingCalendar::entry).one();
    }

    /** Weddings with at least one day in [from, to], in date order; a multi-day wedding counts on all its days. */
    public Flux<CalendarEntry> between(LocalDate from, LocalDate to, String region) {
        return db.sql("""
                        select * from wedding
                        where date <= :to and date + (days - 1) >= :from
                          and (:region::text is null or region = :region)
                        order by date, start_time, id""")
                .bind("from", from)
                .bind("to", to)
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .map(WeddingCalendar::entry)
                .all();
    }

    private static CalendarEntry entry(Readable row) {
        return new CalendarEntry(
                row.get("id", String.class),
                row.get("date", LocalDate.class),
                row.get("start_time", LocalTime.class).format(HOURS_MINUTES),
                row.get("end_time", LocalTime.class).format(HOURS_MINUTES),
                row.get("region", String.class),
                row.get("time_zone", String.class),
                row.get("culture", String.class),
                row.get("guest_count", Integer.class),
                row.get("days", Integer.class),
                row.get("venue_type", String.class),
                row.get("status", String.class),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
