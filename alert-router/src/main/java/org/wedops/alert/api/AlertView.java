package org.wedops.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.wedops.alert.delivery.QueuedNotification;
import org.wedops.alert.lifecycle.StoredAlert;

/** An alert as the API shows it, with its notifications when one alert is asked for. */
record AlertView(String fingerprint, String name, String severity, String service, String region, String summary,
                 String source, String profile, Map<String, String> labels, String state, Instant startsAt,
                 Instant endsAt, String acknowledgedBy, Instant acknowledgedAt, List<NotificationView> notifications) {

    static AlertView of(StoredAlert alert, List<NotificationView> notifications) {
        return new AlertView(alert.fingerprint(), alert.name(), alert.severity(), alert.service(), alert.region(),
                alert.summary(), alert.source(), alert.profile(), alert.labels(), alert.state().name(), alert.startsAt(),
                alert.endsAt(), alert.acknowledgedBy(), alert.acknowledgedAt(), notifications);
    }

    record NotificationView(String integration, String channel, String kind, String title, String status, int attempts,
                            String lastError, Instant queuedAt, Instant deliveredAt) {

        static NotificationView of(QueuedNotification n) {
            return new NotificationView(n.integration(), n.channel(), n.kind(), n.title(), n.status(), n.attempts(), n.lastError(),
                    n.createdAt(), n.deliveredAt());
        }
    }
}
