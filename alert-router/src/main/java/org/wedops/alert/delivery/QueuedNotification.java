package org.wedops.alert.delivery;

import java.time.Instant;

/**
 * One row of the notification outbox.
 *
 * @param subject the group key (or fingerprint) the notification is about
 * @param title   what it says in one line, e.g. {@code [FIRING:2] TargetCritical service=crm}
 * @param content the frozen {@code GroupNotification}, as JSON
 */
public record QueuedNotification(
        long id,
        String deliveryKey,
        String subject,
        String title,
        String integration,
        String channel,
        String kind,
        String content,
        String status,
        int attempts,
        String lastError,
        String fallback,
        Instant createdAt,
        Instant deliveredAt) {
}
