package org.wedops.alert.lifecycle;

import java.time.Instant;
import java.util.Map;

/** An alert as the router keeps it: the latest event's content plus its lifecycle state. */
public record StoredAlert(
        String fingerprint,
        String name,
        String severity,
        String service,
        String region,
        String summary,
        String description,
        String source,
        String profile,
        String runbookUrl,
        Map<String, String> labels,
        AlertState state,
        Instant startsAt,
        Instant endsAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant lastEventAt) {
}
