package org.wedops.deploy.alerts;

import java.time.Instant;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/** What a human must hear about: an emergency override (HIGH), a rollback performed (HIGH), a rollback that failed (CRITICAL). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeploymentAlerts {

    private final EventPublisher publisher;
    private final ProtectionStates protection;
    private final AlertSource alerts;

    public Mono<Void> emergencyOverride(Deployment d, Instant expiresAt) {
        return send(d, "DeploymentEmergencyOverride", Severity.HIGH, "emergency-override",
                "Emergency deployment of " + d.service() + " " + d.version() + " to " + d.environment() + "/" + d.region()
                        + " overrides the freeze, by " + d.requestedBy() + ": " + d.reason(),
                "Override valid until " + expiresAt, expiresAt);
    }

    /** A requested deployment that the gate stopped before it began (a window began, or protection is unknown or stale). */
    public Mono<Void> blocked(Deployment d, String why) {
        return send(d, "DeploymentBlocked", Severity.MEDIUM, "blocked",
                d.service() + " " + d.version() + " was not deployed to " + d.environment() + "/" + d.region() + ": " + why,
                why, null);
    }

    public Mono<Void> rolledBack(Deployment d, String why) {
        return send(d, "DeploymentRolledBack", Severity.HIGH, "rolled-back",
                d.service() + " " + d.version() + " rolled back to " + d.previousVersion() + " in " + d.environment() + "/" + d.region(),
                why, null);
    }

    public Mono<Void> rollbackFailed(Deployment d, String why) {
        return send(d, "DeploymentRollbackFailed", Severity.CRITICAL, "rollback-failed",
                "Rollback of " + d.service() + " " + d.version() + " to " + d.previousVersion() + " FAILED in " + d.environment() + "/" + d.region(),
                why, null);
    }

    private Mono<Void> send(Deployment d, String name, Severity severity, String kind, String summary, String description, Instant endsAt) {
        Alert.Builder builder = alerts.alert(alerts.plainFingerprint(kind, d.id().toString()));
        Alert alert = builder
                .setName(name).setStatus(AlertStatus.FIRING).setSeverity(severity)
                .setService(d.service()).setRegion(d.region())
                .setSummary(summary).setDescription(description)
                .setProfile(protection.profile(d.region()))
                .setStartsAt(builder.getOccurredAt()).setEndsAt(endsAt)
                .setLabels(Map.of("deploymentId", d.id().toString(), "environment", d.environment(), "version", d.version(),
                        "requestedBy", d.requestedBy()))
                .build();
        return publisher.publish(Topics.ALERTS, alert.getFingerprint(), alert).then();
    }
}
