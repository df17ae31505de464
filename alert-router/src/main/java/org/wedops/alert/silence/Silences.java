package org.wedops.alert.silence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.alert.routing.LabelMatcher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The silence table. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Silences {

    private static final TypeReference<List<String>> MATCHERS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    public Mono<Silence> create(Silence silence, Instant now) {
        return db.sql("""
                        insert into silence (id, matchers, starts_at, ends_at, created_by, comment, expire_on_resolve, created_at, recurrence)
                        values (:id, :matchers, :startsAt, :endsAt, :by, :comment, :onResolve, :now, :recurrence)""")
                .bind("id", silence.id())
                .bind("matchers", Json.of(json.writeValueAsString(silence.matchers().stream().map(LabelMatcher::toString).toList())))
                .bind("startsAt", at(silence.startsAt())).bind("endsAt", at(silence.endsAt()))
                .bind("by", silence.createdBy()).bind("comment", silence.comment()).bind("onResolve", silence.expireOnResolve())
                .bind("now", at(now))
                .bind("recurrence", Parameter.fromOrEmpty(
                        silence.recurrence() == null ? null : Json.of(json.writeValueAsString(WeeklyRecurrence.of(silence.recurrence()))), Json.class))
                .fetch().rowsUpdated().thenReturn(silence);
    }

    /** Silences in force now or later; with {@code all}, expired ones too. */
    public Flux<Silence> list(boolean all, Instant now) {
        return db.sql("select * from silence where :all or (expired_at is null and ends_at > :now) order by starts_at")
                .bind("all", all).bind("now", at(now)).map(this::read).all();
    }

    public Mono<Silence> find(UUID id) {
        return db.sql("select * from silence where id = :id").bind("id", id).map(this::read).one();
    }

    public Flux<Silence> activeAt(Instant now) {
        return db.sql("select * from silence where expired_at is null and starts_at <= :now and ends_at > :now")
                .bind("now", at(now)).map(this::read).all()
                .filter(silence -> silence.activeAt(now));
    }

    /** Ends a silence now; returns it as it was, or empty when it had already ended. */
    public Mono<Silence> expire(UUID id, Instant now) {
        return db.sql("update silence set expired_at = :now where id = :id and expired_at is null returning *")
                .bind("id", id).bind("now", at(now)).map(this::read).one();
    }

    /** Silences whose end time has passed without being marked, marked now: their alerts get a catch-up flush. */
    public Flux<Silence> endLapsed(Instant now) {
        return db.sql("update silence set expired_at = ends_at where expired_at is null and ends_at <= :now returning *")
                .bind("now", at(now)).map(this::read).all();
    }

    /** Active silences that end when an alert they match resolves. */
    public Flux<Silence> expiringOnResolve(Instant now) {
        return db.sql("select * from silence where expire_on_resolve and expired_at is null and ends_at > :now")
                .bind("now", at(now)).map(this::read).all();
    }

    private Silence read(Readable row) {
        List<LabelMatcher> matchers = json.readValue(row.get("matchers", Json.class).asString(), MATCHERS).stream()
                .map(LabelMatcher::parse).toList();
        OffsetDateTime expired = row.get("expired_at", OffsetDateTime.class);
        Json recurrence = row.get("recurrence", Json.class);
        return new Silence(row.get("id", UUID.class), matchers, row.get("starts_at", OffsetDateTime.class).toInstant(),
                row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("created_by", String.class),
                row.get("comment", String.class), row.get("expire_on_resolve", Boolean.class), expired == null ? null : expired.toInstant(),
                recurrence == null ? null : json.readValue(recurrence.asString(), WeeklyRecurrence.class).toRecurrence());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
