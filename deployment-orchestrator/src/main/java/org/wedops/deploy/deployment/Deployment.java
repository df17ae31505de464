package org.wedops.deploy.deployment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import org.wedops.events.DeploymentPhase;

/** One deployment as stored: what was asked, the phase reached, and what execution needs after a restart. */
public record Deployment(UUID id, String service, String environment, String region, String version, String previousVersion,
                         DeploymentPhase phase, String requestedBy, String reason, boolean emergency, Instant createdAt,
                         Instant updatedAt, boolean concluded, boolean rolloutStarted, boolean abortRequested,
                         boolean rollbackRequested, Instant overrideExpiresAt, Instant verificationStartedAt, String detail) {

    /** Phases after which nothing more happens to a deployment (FAILED only when nothing was rolled out). */
    public static final Set<DeploymentPhase> FINAL = Set.of(DeploymentPhase.SUCCEEDED, DeploymentPhase.ROLLED_BACK,
            DeploymentPhase.ABORTED, DeploymentPhase.ROLLBACK_FAILED, DeploymentPhase.BLOCKED);

    public boolean concludesWith(DeploymentPhase next) {
        return FINAL.contains(next) || (next == DeploymentPhase.FAILED && !rolloutStarted);
    }

    public static Deployment from(Readable row) {
        return new Deployment(row.get("id", UUID.class), row.get("service", String.class), row.get("environment", String.class),
                row.get("region", String.class), row.get("version", String.class), row.get("previous_version", String.class),
                DeploymentPhase.valueOf(row.get("phase", String.class)), row.get("requested_by", String.class),
                row.get("reason", String.class), Boolean.TRUE.equals(row.get("emergency", Boolean.class)),
                instant(row, "created_at"), instant(row, "updated_at"), Boolean.TRUE.equals(row.get("concluded", Boolean.class)),
                Boolean.TRUE.equals(row.get("rollout_started", Boolean.class)), Boolean.TRUE.equals(row.get("abort_requested", Boolean.class)),
                Boolean.TRUE.equals(row.get("rollback_requested", Boolean.class)), instant(row, "override_expires_at"),
                instant(row, "verification_started_at"), row.get("detail", String.class));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
