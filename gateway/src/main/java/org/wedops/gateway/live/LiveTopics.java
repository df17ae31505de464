package org.wedops.gateway.live;

import java.util.Map;
import java.util.Optional;

import org.wedops.events.Topics;

/** The topics the console shows, and the SSE event name each one's records carry. */
final class LiveTopics {

    static final Map<String, String> KIND_BY_TOPIC = Map.of(
            Topics.PROTECTION, "protection",
            Topics.ALERTS, "alert",
            Topics.DEPLOYMENTS, "deployment",
            Topics.HEALTH, "health",
            Topics.NOTIFICATIONS, "notification",
            // one event per closed minute, not per window (ApmMinutes)
            Topics.APM_WINDOWS, "apm");

    private LiveTopics() {
    }

    static Optional<String> kindOf(String topic) {
        return Optional.ofNullable(KIND_BY_TOPIC.get(topic));
    }

    /** Compacted, and small: read from its beginning so a console sees every region's state at once. */
    static boolean fromBeginning(String topic) {
        return Topics.PROTECTION.equals(topic);
    }
}
