package org.wedops.gateway.live;

import java.util.Map;

/**
 * One event as the console receives it.
 *
 * @param kind  the SSE event name: protection, alert, deployment, health or notification
 * @param id    the event's own id ({@code eventId}), the SSE id
 * @param key   the record's Kafka key (region, fingerprint, service, target id)
 * @param event the event's fields as JSON values ({@link EventFields})
 */
public record LiveEvent(String kind, String id, String key, Map<String, Object> event) {
}
