package org.wedops.gateway.live;

import java.util.Map;

/**
 * One event as the console receives it.
 *
 * @param kind  the SSE event name: protection, alert, deployment, health, notification or apm
 * @param id    the event's own id ({@code eventId}), the SSE id
 * @param key   the record's Kafka key (region, fingerprint, service, target id); none for apm
 * @param event the event's fields as JSON values ({@link EventFields})
 */
public record LiveEvent(String kind, String id, String key, Map<String, Object> event) {
}
