package org.wedops.alert.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.StoredAlert;

/**
 * A Slack incoming-webhook message in Block Kit: the top-level {@code text} is the notification fallback, the
 * attachment colour carries the severity, and the blocks show summary, service, region, labels and runbook.
 */
final class SlackMessage {

    private SlackMessage() {
    }

    static Map<String, Object> of(StoredAlert alert, Notify kind) {
        String state = kind == Notify.RESOLVED ? "RESOLVED" : "FIRING";
        String headline = "[" + state + "][" + alert.severity() + "] " + alert.name() + ": " + alert.summary();
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Service", alert.service()));
        fields.add(field("Region", alert.region() == null ? "–" : alert.region()));
        fields.add(field("Severity", alert.severity()));
        fields.add(field("Profile", alert.profile()));
        alert.labels().forEach((name, value) -> {
            if (fields.size() < 10) { // Slack allows at most 10 fields per section
                fields.add(field(name, value));
            }
        });
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", truncate("[" + state + "] " + alert.name(), 150))));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", truncate(alert.summary(), 3000))));
        blocks.add(Map.of("type", "section", "fields", fields));
        if (alert.runbookUrl() != null) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "<" + alert.runbookUrl() + "|Runbook>")));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "fingerprint `" + alert.fingerprint() + "` · from " + alert.source() + " · since " + alert.startsAt()))));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", headline);
        message.put("attachments", List.of(Map.of("color", colour(alert.severity(), kind), "blocks", blocks)));
        return message;
    }

    static String colour(String severity, Notify kind) {
        if (kind == Notify.RESOLVED) {
            return "#2EB67D";
        }
        return switch (severity) {
            case "CRITICAL" -> "#D00000";
            case "HIGH" -> "#FF6F00";
            case "MEDIUM" -> "#ECB22E";
            default -> "#439FE0";
        };
    }

    private static Map<String, Object> field(String name, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + name + "*\n" + truncate(value, 1900));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
