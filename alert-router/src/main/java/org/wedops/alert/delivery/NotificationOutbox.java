package org.wedops.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.StoredAlert;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox. A notification's delivery key (alert, episode, kind, receiver) is unique, so the same
 * notification is never queued twice however often its event is redelivered.
 */
@Component
public class NotificationOutbox {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    private final DatabaseClient db;

    NotificationOutbox(DatabaseClient db) {
        this.db = db;
    }

    public static String deliveryKey(StoredAlert alert, Notify kind, Receiver receiver) {
        return alert.fingerprint() + ":" + alert.startsAt().toEpochMilli() + ":" + kind + ":" + receiver.name();
    }

    /** Queues the notification in the caller's transaction. */
    public Mono<Void> enqueue(StoredAlert alert, Notify kind, Receiver receiver, Instant now) {
        return db.sql("""
                        insert into notification (delivery_key, fingerprint, alert_name, receiver, channel, kind, payload, status, next_attempt_at, created_at)
                        values (:key, :fp, :name, :receiver, :channel, :kind, :payload, 'PENDING', :now, :now)
                        on conflict (delivery_key) do nothing""")
                .bind("key", deliveryKey(alert, kind, receiver)).bind("fp", alert.fingerprint()).bind("name", alert.name())
                .bind("receiver", receiver.name()).bind("channel", receiver.channel().name()).bind("kind", kind.name())
                .bind("payload", Json.of(receiver.render(alert, kind))).bind("now", at(now))
                .fetch().rowsUpdated().then();
    }

    /**
     * Reserves due notifications for this dispatcher and counts the attempt. SKIP LOCKED lets several instances
     * drain the outbox without taking the same row; an expired claim (a dispatcher that died) is taken again.
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

    public Mono<Void> markDelivered(long id, Instant now) {
        return db.sql("update notification set status = 'DELIVERED', delivered_at = :now, claimed_until = null, last_error = null where id = :id")
                .bind("id", id).bind("now", at(now)).fetch().rowsUpdated().then();
    }

    public Mono<Void> markFailedAttempt(long id, String error, Instant retryAt, boolean giveUp) {
        return db.sql("update notification set status = :status, last_error = :error, next_attempt_at = :retryAt, claimed_until = null where id = :id")
                .bind("id", id).bind("status", giveUp ? FAILED : PENDING).bind("error", error).bind("retryAt", at(retryAt))
                .fetch().rowsUpdated().then();
    }

    public Flux<QueuedNotification> forAlert(String fingerprint) {
        return db.sql("select * from notification where fingerprint = :fp order by id").bind("fp", fingerprint)
                .map(NotificationOutbox::read).all();
    }

    private static QueuedNotification read(Readable row) {
        OffsetDateTime delivered = row.get("delivered_at", OffsetDateTime.class);
        return new QueuedNotification(row.get("id", Long.class), row.get("delivery_key", String.class),
                row.get("fingerprint", String.class), row.get("alert_name", String.class), row.get("receiver", String.class), row.get("channel", String.class),
                row.get("kind", String.class), row.get("payload", Json.class).asString(), row.get("status", String.class),
                row.get("attempts", Integer.class), row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), delivered == null ? null : delivered.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
