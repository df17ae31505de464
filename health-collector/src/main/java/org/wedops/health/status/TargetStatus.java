package org.wedops.health.status;

import java.time.Instant;
import java.util.List;

import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.health.classification.StatusConfirmation;

/** The confirmed status of one target, as {@code GET /api/admin/infrastructure/containers} shows it. */
public record TargetStatus(
        String id,
        String service,
        String region,
        HealthSource source,
        HealthStatus status,
        List<String> reasons,
        Double responseTimeMs,
        Instant checkedAt,
        Instant changedAt,
        HealthStatus candidateStatus,
        int candidateStreak) {

    public CheckSubject subject() {
        return new CheckSubject(id, service, region, source);
    }

    public StatusConfirmation confirmation() {
        return new StatusConfirmation(status, candidateStatus, candidateStreak);
    }
}
