package org.wedops.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.wedops.alert.delivery.QueuedNotification;
import org.wedops.alert.escalation.Escalations;
import org.wedops.alert.lifecycle.StoredAlert;

/**
 * An alert as the API shows it; {@code notifications} and {@code escalation} only on a single alert's answer (null in
 * lists).
 */
record AlertView(String fingerprint, String name, String severity, String service, String region, String summary,
                 String source, String profile, Map<String, String> labels, String state, Instant startsAt,
                 Instant endsAt, String acknowledgedBy, Instant acknowledgedAt, List<NotificationView> notifications,
                 Escalations.Standing escalation) {

    static AlertView of(StoredAlert alert, List<NotificationView> notifications, Escalations.Standing escalation) {
        return new AlertView(alert.fingerprint(), alert.name(), alert.severity(), alert.service(), alert.region(),
                alert.summary(), alert.source(), alert.profile(), alert.labels(), alert.state().name(), alert.startsAt(),
                alert.endsAt(), alert.acknowledgedBy(), alert.acknowledgedAt(), notifications, escalation);
    }

    record NotificationView(String integration, String channel, String kind, String title, String status, int attempts,
                            String lastError, Instant queuedAt, Instant deliveredAt) {

        static NotificationView of(QueuedNotification n) {
            return new NotificationView(n.integration(), n.channel(), n.kind(), n.title(), n.status(), n.attempts(), n.lastError(),
                    n.createdAt(), n.deliveredAt());
        }
    }
}
