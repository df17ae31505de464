package org.wedops.alert.integration;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;
import org.wedops.alert.integration.GroupNotification.AlertLine;
import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** E-mail over SMTP with a text and an HTML body. JavaMail blocks, so sending runs on the bounded-elastic scheduler. */
class EmailIntegration implements Integration {

    private final String name;
    private final JavaMailSender mail;
    private final String from;
    private final List<String> to;

    EmailIntegration(String receiver, JavaMailSender mail, String from, List<String> to) {
        this.name = receiver + "/email";
        this.mail = mail;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Mono<Void> deliver(GroupNotification notification) {
        return Mono.<Void>fromRunnable(() -> mail.send(message(notification))).subscribeOn(Schedulers.boundedElastic());
    }

    private MimeMessage message(GroupNotification notification) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(notification.title());
            helper.setText(text(notification), html(notification));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build e-mail: " + e.getMessage(), e);
        }
        return message;
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
        List<AlertLine> all = new java.util.ArrayList<>(notification.firing());
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
