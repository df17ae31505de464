package org.wedops.alert.integration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.wedops.alert.lifecycle.StoredAlert;

/**
 * What one notification says, frozen when it is queued: the group's labels, the alerts firing and those resolved
 * since the last notification. Each integration renders it in its own format when it delivers.
 *
 * @param reason why it is sent: GROUP (a group flush), ESCALATION (nobody acknowledged), BROADCAST, ACKNOWLEDGED
 */
public record GroupNotification(
        String reason,
        String receiver,
        String groupKey,
        Map<String, String> groupLabels,
        List<AlertLine> firing,
        List<AlertLine> resolved,
        String note) {

    /** One alert as a notification shows it. */
    public record AlertLine(String fingerprint, String name, String severity, String service, String region, String summary,
                            String source, String profile, String runbookUrl, Map<String, String> labels,
                            Instant startsAt, Instant endsAt, String state) {

        public static AlertLine of(StoredAlert alert) {
            return new AlertLine(alert.fingerprint(), alert.name(), alert.severity(), alert.service(), alert.region(),
                    alert.summary(), alert.source(), alert.profile(), alert.runbookUrl(), alert.labels(), alert.startsAt(),
                    alert.endsAt(), alert.state().name());
        }
    }

    public List<String> fingerprints() {
        return Stream.concat(firing.stream(), resolved.stream()).map(AlertLine::fingerprint).toList();
    }

    public String title() {
        String status = !firing.isEmpty() ? "FIRING:" + firing.size() : !resolved.isEmpty() ? "RESOLVED" : reason;
        String name = groupLabels.getOrDefault("alertname", !firing.isEmpty() ? firing.get(0).name()
                : !resolved.isEmpty() ? resolved.get(0).name() : reason);
        String prefix = "ESCALATION".equals(reason) ? "[ESCALATED]" : "BROADCAST".equals(reason) ? "[BROADCAST]" : "";
        return (prefix + "[" + status + "] " + name + " " + groupLabels.entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((a, b) -> a + " " + b).orElse("")).trim();
    }

    public String highestSeverity() {
        List<String> order = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
        return (firing.isEmpty() ? resolved : firing).stream().map(AlertLine::severity)
                .min((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b))).orElse("LOW");
    }
}
