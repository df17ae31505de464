package org.wedops.planner.deployments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.events.DeploymentEvent;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The latest phase per deployment; a deployment not yet in a final phase is pending. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeploymentStatuses {

    public record PendingDeployment(String deploymentId, String service, String environment, String region, String version,
                                    String phase, boolean emergency, Instant updatedAt) {
    }

    private final DatabaseClient db;

    public Mono<Boolean> record(DeploymentEvent event) {
        return db.sql("""
                        insert into deployment_status (deployment_id, service, environment, region, version, phase, emergency, updated_at, event_id)
                        values (:id, :service, :environment, :region, :version, :phase, :emergency, :at, :eventId)
                        on conflict (deployment_id) do update set phase = excluded.phase, version = excluded.version,
                          emergency = excluded.emergency, updated_at = excluded.updated_at, event_id = excluded.event_id
                        where (deployment_status.updated_at, deployment_status.event_id) < (excluded.updated_at, excluded.event_id)""")
                .bind("id", event.getDeploymentId()).bind("service", event.getService()).bind("environment", event.getEnvironment())
                .bind("region", event.getRegion()).bind("version", event.getVersion()).bind("phase", event.getPhase().name())
                .bind("emergency", event.getEmergency()).bind("at", event.getOccurredAt().atOffset(ZoneOffset.UTC))
                .bind("eventId", UUID.fromString(event.getEventId()))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Deployments in the region still on their way (requested, blocked, migrating, rolling out or back, verifying). */
    public Flux<PendingDeployment> pending(String region) {
        return db.sql("""
                        select * from deployment_status
                        where region = :region and phase not in ('SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'ABORTED', 'ROLLBACK_FAILED')
                        order by updated_at""")
                .bind("region", region)
                .map((row, meta) -> new PendingDeployment(row.get("deployment_id", String.class), row.get("service", String.class),
                        row.get("environment", String.class), row.get("region", String.class), row.get("version", String.class),
                        row.get("phase", String.class), Boolean.TRUE.equals(row.get("emergency", Boolean.class)),
                        row.get("updated_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
