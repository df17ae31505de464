package org.wedops.alert.integration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;
import org.wedops.alert.integration.GroupNotification.AlertLine;

/** What a notification e-mail says, as plain text and as HTML (in which every value from an alert is escaped). */
final class EmailBody {

    private EmailBody() {
    }

    static String text(GroupNotification notification) {
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n");
        if (notification.note() != null) {
            text.append(notification.note()).append("\n\n");
        }
        section(text, "Firing", notification.firing());
        section(text, "Resolved", notification.resolved());
        return text.toString();
    }

    private static void section(StringBuilder text, String heading, List<AlertLine> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        text.append(heading).append(":\n");
        for (AlertLine alert : alerts) {
            text.append("- [").append(alert.severity()).append("] ").append(alert.name()).append(" — ").append(alert.summary())
                    .append("\n  service ").append(alert.service()).append(", region ").append(alert.region())
                    .append(", since ").append(alert.startsAt()).append(", fingerprint ").append(alert.fingerprint()).append('\n');
            if (alert.runbookUrl() != null) {
                text.append("  runbook ").append(alert.runbookUrl()).append('\n');
            }
        }
        text.append('\n');
    }

    static String html(GroupNotification notification) {
        StringBuilder html = new StringBuilder("<html><body><h2>").append(HtmlUtils.htmlEscape(notification.title())).append("</h2>");
        if (notification.note() != null) {
            html.append("<p>").append(HtmlUtils.htmlEscape(notification.note())).append("</p>");
        }
        html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>State</th><th>Severity</th><th>Alert</th><th>Summary</th>"
                + "<th>Service</th><th>Region</th><th>Since</th></tr>");
        List<AlertLine> all = new ArrayList<>(notification.firing());
        all.addAll(notification.resolved());
        for (AlertLine alert : all) {
            html.append("<tr><td>").append(alert.state()).append("</td><td>").append(alert.severity()).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(alert.name())).append("</td><td>").append(HtmlUtils.htmlEscape(alert.summary()))
                    .append(alert.runbookUrl() != null ? " (<a href=\"" + HtmlUtils.htmlEscape(alert.runbookUrl()) + "\">runbook</a>)" : "")
                    .append("</td><td>").append(HtmlUtils.htmlEscape(alert.service())).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(String.valueOf(alert.region()))).append("</td><td>").append(alert.startsAt())
                    .append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }
}
