package org.wedops.alert.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wedops.alert.integration.GroupNotification.AlertLine;

/**
 * A Slack incoming-webhook message in Block Kit: the top-level {@code text} is the notification fallback, the attachment
 * colour carries the severity, and one section per alert shows summary, service, region, labels and runbook.
 */
final class SlackMessage {

    private static final int MAX_ALERTS_SHOWN = 10;

    private SlackMessage() {
    }

    static Map<String, Object> of(GroupNotification notification) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", TextLimit.cut(notification.title(), 150))));
        if (notification.note() != null) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", TextLimit.cut(notification.note(), 3000))));
        }
        List<AlertLine> shown = new ArrayList<>(notification.firing());
        shown.addAll(notification.resolved());
        shown.stream().limit(MAX_ALERTS_SHOWN).forEach(alert -> blocks.addAll(alertBlocks(alert)));
        if (shown.size() > MAX_ALERTS_SHOWN) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                    "text", "…and " + (shown.size() - MAX_ALERTS_SHOWN) + " more"))));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", notification.title() + ": " + shown.stream().map(AlertLine::summary).findFirst().orElse(""));
        message.put("attachments", List.of(Map.of("color", colour(notification), "blocks", blocks)));
        return message;
    }

    private static List<Map<String, Object>> alertBlocks(AlertLine alert) {
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Service", alert.service()));
        fields.add(field("Region", alert.region() == null ? "–" : alert.region()));
        fields.add(field("Severity", alert.severity()));
        fields.add(field("State", alert.state()));
        alert.labels().forEach((label, value) -> {
            if (fields.size() < 10) { // Slack allows at most 10 fields per section
                fields.add(field(label, value));
            }
        });
        List<Map<String, Object>> blocks = new ArrayList<>();
        String summary = "*" + alert.name() + "*: " + alert.summary()
                + (alert.runbookUrl() != null ? "\n<" + alert.runbookUrl() + "|Runbook>" : "");
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", TextLimit.cut(summary, 3000))));
        blocks.add(Map.of("type", "section", "fields", fields));
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "fingerprint `" + alert.fingerprint() + "` · from " + alert.source() + " · since " + alert.startsAt()))));
        return blocks;
    }

    static String colour(GroupNotification notification) {
        if (notification.firing().isEmpty()) {
            return "#2EB67D";
        }
        return switch (notification.highestSeverity()) {
            case "CRITICAL" -> "#D00000";
            case "HIGH" -> "#FF6F00";
            case "MEDIUM" -> "#ECB22E";
            default -> "#439FE0";
        };
    }

    private static Map<String, Object> field(String name, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + name + "*\n" + TextLimit.cut(value, 1900));
    }
}
