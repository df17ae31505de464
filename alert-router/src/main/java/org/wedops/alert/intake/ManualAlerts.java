package org.wedops.alert.intake;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Mono;

/**
 * A person raises an alert. It takes the same path as every other alert, through ops.alerts.v1, with source
 * {@code manual} and the person in its {@code raised_by} label; who raised what, when, why (the summary) and whether
 * it reached the topic is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ManualAlerts {

    /** The fingerprint of an alert raised by hand: its name, service, region and labels, not who raised it. */
    private static final String RAISED_BY = "raised_by";

    /** What a person says about the alert; the bounds are those of a stored alert. */
    public record Raised(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*", message = "letters, digits and '_', starting with a letter") String name,
            @NotNull @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW", message = "must be one of CRITICAL, HIGH, MEDIUM, LOW") String severity,
            @NotBlank @Size(max = 100) String service,
            @Size(max = 50) String region,
            @NotBlank @Size(max = 1000) String summary,
            @Size(max = 500) String runbookUrl,
            @Size(max = 20, message = "at most 20 labels") Map<String, String> labels) {
    }

    private final EventPublisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    /** Publishes the alert and answers its fingerprint; the audit row says whether the broker took it. */
    public Mono<String> raise(Raised raised, String by) {
        Map<String, String> labels = new TreeMap<>(raised.labels() == null ? Map.of() : raised.labels());
        labels.put(RAISED_BY, by);
        AlertSource manual = new AlertSource("manual", clock);
        String fingerprint = fingerprint(manual, raised, labels);
        Alert.Builder builder = manual.alert(fingerprint);
        Alert alert = builder.setName(raised.name()).setStatus(AlertStatus.FIRING)
                .setSeverity(Severity.valueOf(raised.severity())).setService(raised.service()).setRegion(raised.region())
                .setSummary(raised.summary()).setStartsAt(builder.getOccurredAt()).setRunbookUrl(raised.runbookUrl())
                .setLabels(labels)
                .build();
        String what = raised.severity() + " " + raised.name() + " for " + raised.service() + (raised.region() == null ? "" : "/" + raised.region());
        return publisher.publish(Topics.ALERTS, fingerprint, alert)
                .onErrorResume(e -> audit.record(clock.instant(), by, "alert.raise", fingerprint, raised.summary(),
                        "NOT PUBLISHED: " + what + " (" + e.getClass().getSimpleName() + ")").then(Mono.error(e)))
                .then(audit.record(alert.getOccurredAt(), by, "alert.raise", fingerprint, raised.summary(), "PUBLISHED: " + what))
                .thenReturn(fingerprint);
    }

    private static String fingerprint(AlertSource manual, Raised raised, Map<String, String> labels) {
        Map<String, String> identity = new TreeMap<>(labels);
        identity.remove(RAISED_BY);
        return manual.fingerprint(raised.name(), raised.service(), String.valueOf(raised.region()), identity.toString());
    }
}
