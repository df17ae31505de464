package org.wedops.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.Integration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox. Rows are written in the same transaction as the change that causes them and delivered by the
 * dispatcher even if the service died in between. A delivery key is unique, so the same notification (group and
 * flush, or alert and escalation step, and integration) is never queued twice.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NotificationOutbox {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String FALLBACK = "FALLBACK";

    private final DatabaseClient db;
    private final JsonMapper json;

    /** Queues one notification for one integration, in the caller's transaction. */
    public Mono<Void> enqueue(String deliveryKey, GroupNotification content, Integration integration, String fallback,
                              Collection<String> fingerprints, Instant now) {
        return db.sql("""
                        insert into notification (delivery_key, subject, alert_name, integration, channel, kind, content, status,
                                                  next_attempt_at, created_at, fallback)
                        values (:key, :subject, :title, :integration, :channel, :kind, :content, 'PENDING', :now, :now, :fallback)
                        on conflict (delivery_key) do nothing
                        returning id""")
                .bind("key", deliveryKey).bind("subject", content.groupKey()).bind("title", content.title())
                .bind("integration", integration.name()).bind("channel", integration.channel().name())
                .bind("kind", content.reason()).bind("content", Json.of(json.writeValueAsString(content)))
                .bind("now", at(now)).bind("fallback", Parameter.fromOrEmpty(fallback, String.class))
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .flatMap(id -> fingerprints.isEmpty() ? Mono.just(0L) : db.sql("""
                                insert into notification_alert (notification_id, fingerprint)
                                select :id, fingerprint from unnest(:fps::text[]) as fingerprint
                                on conflict do nothing""")
                        .bind("id", id).bind("fps", fingerprints.toArray(String[]::new)).fetch().rowsUpdated())
                .then();
    }

    /**
     * Queues the notification once per integration, in order, in the caller's transaction; each delivery key is
     * {@code keyPrefix} followed by the integration's name.
     */
    public Mono<Void> enqueueEach(String keyPrefix, GroupNotification content, Collection<Integration> integrations, String fallback,
                                  Collection<String> fingerprints, Instant now) {
        return Flux.fromIterable(integrations)
                .concatMap(integration -> enqueue(keyPrefix + integration.name(), content, integration, fallback, fingerprints, now))
                .then();
    }

    /**
     * Reserves due notifications for this instance and counts the attempt. SKIP LOCKED lets several instances drain
     * the outbox without taking the same row; an expired claim (an instance that died) is taken again.
     */
    public Flux<QueuedNotification> claimDue(Instant now, Duration claimFor, int limit) {
        return db.sql("""
                        update notification set claimed_until = :until, attempts = attempts + 1
                        where id in (select id from notification
                                     where status = 'PENDING' and next_attempt_at <= :now
                                       and (claimed_until is null or claimed_until < :now)
                                     order by id limit :limit for update skip locked)
                        returning *""")
                .bind("now", at(now)).bind("until", at(now.plus(claimFor))).bind("limit", limit)
                .map(NotificationOutbox::read).all();
    }

    public GroupNotification content(QueuedNotification notification) {
        return json.readValue(notification.content(), GroupNotification.class);
    }

    public Mono<Void> markDelivered(long id, Instant now) {
        return finish(id, DELIVERED, null, now);
    }

    public Mono<Void> markFellBack(long id, String reason, Instant now) {
        return finish(id, FALLBACK, reason, now);
    }

    public Mono<Void> markFailedAttempt(long id, String error, Instant retryAt, boolean giveUp) {
        return db.sql("update notification set status = :status, last_error = :error, next_attempt_at = :retryAt, claimed_until = null where id = :id")
                .bind("id", id).bind("status", giveUp ? FAILED : PENDING).bind("error", error).bind("retryAt", at(retryAt))
                .fetch().rowsUpdated().then();
    }

    /** Every notification that mentioned the alert, oldest first. */
    public Flux<QueuedNotification> forAlert(String fingerprint) {
        return db.sql("""
                        select n.* from notification n join notification_alert a on a.notification_id = n.id
                        where a.fingerprint = :fp order by n.id""")
                .bind("fp", fingerprint).map(NotificationOutbox::read).all();
    }

    private Mono<Void> finish(long id, String status, String error, Instant now) {
        return db.sql("update notification set status = :status, delivered_at = :now, claimed_until = null, last_error = :error where id = :id")
                .bind("id", id).bind("status", status).bind("now", at(now)).bind("error", Parameter.fromOrEmpty(error, String.class))
                .fetch().rowsUpdated().then();
    }

    private static QueuedNotification read(Readable row) {
        OffsetDateTime delivered = row.get("delivered_at", OffsetDateTime.class);
        return new QueuedNotification(row.get("id", Long.class), row.get("delivery_key", String.class),
                row.get("subject", String.class), row.get("alert_name", String.class), row.get("integration", String.class),
                row.get("channel", String.class), row.get("kind", String.class), row.get("content", Json.class).asString(),
                row.get("status", String.class), row.get("attempts", Integer.class), row.get("last_error", String.class),
                row.get("fallback", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
