package org.wedops.alert.delivery;

import java.time.Instant;

/** One row of the notification outbox, as the dispatcher and the alert API see it. */
public record QueuedNotification(
        long id,
        String deliveryKey,
        String fingerprint,
        String alertName,
        String receiver,
        String channel,
        String kind,
        String payload,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {
}
