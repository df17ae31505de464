package org.wedops.health.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a confirmed status change into alerts: entering CRITICAL or DEGRADED fires one, leaving it resolves it.
 * The fingerprint is stable per target and condition, so the alert-router sees one alert per episode.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HealthAlertPublisher {

    public static final String SOURCE = "health-collector";

    private final EventPublisher publisher;
    private final AlertSource alerts;

    /**
     * @param previous   the confirmed status before this check, null for a target's first check
     * @param episodeStart when the previous status began (the resolved alert's start)
     */
    public Mono<Void> onTransition(ContainerHealthReported check, HealthStatus previous, HealthStatus current, Instant episodeStart) {
        List<Alert> alerts = new ArrayList<>();
        if (previous != null && isAlerting(previous)) {
            alerts.add(alert(check, previous, AlertStatus.RESOLVED, episodeStart, check.getOccurredAt()));
        }
        if (isAlerting(current)) {
            alerts.add(alert(check, current, AlertStatus.FIRING, check.getOccurredAt(), null));
        }
        return Flux.fromIterable(alerts)
                .concatMap(alert -> publisher.publish(Topics.ALERTS, alert.getFingerprint(), alert))
                .then();
    }

    static boolean isAlerting(HealthStatus status) {
        return status == HealthStatus.CRITICAL || status == HealthStatus.DEGRADED;
    }

    static String alertName(HealthStatus status) {
        return status == HealthStatus.CRITICAL ? "TargetCritical" : "TargetDegraded";
    }

    public static String fingerprint(String targetId, HealthStatus status) {
        return AlertSource.fingerprintOf(SOURCE, targetId, alertName(status));
    }

    private Alert alert(ContainerHealthReported check, HealthStatus condition, AlertStatus status, Instant startsAt, Instant endsAt) {
        boolean critical = condition == HealthStatus.CRITICAL;
        String summary = status == AlertStatus.FIRING
                ? check.getTargetId() + " is " + condition + ": " + String.join(", ", check.getReasons())
                : check.getTargetId() + " recovered from " + condition;
        return alerts.alert(fingerprint(check.getTargetId(), condition), check.getOccurredAt())
                .setName(alertName(condition))
                .setStatus(status)
                .setSeverity(critical ? Severity.CRITICAL : Severity.MEDIUM)
                .setService(check.getService())
                .setRegion(check.getRegion())
                .setSummary(summary)
                .setProfile(check.getProfile())
                .setStartsAt(startsAt)
                .setEndsAt(endsAt)
                .setLabels(Map.of("target", check.getTargetId(), "source", check.getSource().name()))
                .build();
    }
}
