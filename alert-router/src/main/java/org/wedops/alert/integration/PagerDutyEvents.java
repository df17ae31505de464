package org.wedops.alert.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wedops.alert.integration.GroupNotification.AlertLine;

/**
 * PagerDuty Events API v2 events: one per alert with the fingerprint as dedup key, so PagerDuty's own incident
 * follows the alert: trigger while firing, acknowledge when acknowledged here, resolve when resolved.
 */
final class PagerDutyEvents {

    private PagerDutyEvents() {
    }

    static List<Map<String, Object>> of(GroupNotification notification, String routingKey) {
        List<Map<String, Object>> events = new ArrayList<>();
        String firingAction = "ACKNOWLEDGED".equals(notification.reason()) ? "acknowledge" : "trigger";
        notification.firing().forEach(alert -> events.add(event(alert, firingAction, routingKey)));
        notification.resolved().forEach(alert -> events.add(event(alert, "resolve", routingKey)));
        return events;
    }

    private static Map<String, Object> event(AlertLine alert, String action, String routingKey) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("event_action", action);
        event.put("dedup_key", alert.fingerprint());
        if ("trigger".equals(action)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", TextLimit.cut("[" + alert.severity() + "] " + alert.name() + ": " + alert.summary(), 1024));
            payload.put("source", alert.service() + (alert.region() != null ? "/" + alert.region() : ""));
            payload.put("severity", severity(alert.severity()));
            payload.put("component", alert.service());
            payload.put("group", alert.region());
            payload.put("class", alert.name());
            payload.put("custom_details", alert.labels());
            event.put("payload", payload);
            if (alert.runbookUrl() != null) {
                event.put("links", List.of(Map.of("href", alert.runbookUrl(), "text", "Runbook")));
            }
        }
        return event;
    }

    private static String severity(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "critical";
            case "HIGH" -> "error";
            case "MEDIUM" -> "warning";
            default -> "info";
        };
    }
}
