package org.wedops.support.targethealth;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.Topics;

import reactor.core.publisher.Mono;

/**
 * Keeps the latest check per target from ops.health.v1 in the service's own {@code target_health} table, for services
 * that decide on target health (the orchestrator's verification, the planner's scaling and readiness). Enabled with
 * {@code wedops.target-health.enabled=true} ({@link TargetHealthProperties}), which also creates the table with the
 * library's own migration ({@code db/V1__target_health.sql} beside this class). Each service writes its own queries
 * over it.
 *
 * <p>A write applies only a check newer than the stored one, so replays and reordering change nothing; the offset is
 * acknowledged once the row is committed. The consumer thread waits for the write: it is a thread of its own, and
 * waiting keeps one target's checks in order and leaves a failed write to the retries and the dead-letter topic.
 */
@RequiredArgsConstructor
public class LatestTargetHealth {

    private static final Logger log = LoggerFactory.getLogger(LatestTargetHealth.class);

    private final DatabaseClient db;
    private final Duration timeout;

    @KafkaListener(id = "target-health", groupId = "${spring.application.name}-target-health", topics = Topics.HEALTH)
    void onHealthCheck(ContainerHealthReported check, Acknowledgment ack) {
        Boolean applied = record(check).block(timeout);
        if (!Boolean.TRUE.equals(applied)) {
            log.debug("Check {} of {} is not newer than the stored one; ignored", check.getEventId(), check.getTargetId());
        }
        ack.acknowledge();
    }

    /** Answers whether the check replaced what was stored. */
    public Mono<Boolean> record(ContainerHealthReported check) {
        return db.sql("""
                        insert into target_health (target_id, service, region, status, reasons, checked_at, event_id)
                        values (:target, :service, :region, :status, :reasons, :checkedAt, :eventId)
                        on conflict (target_id) do update set service = excluded.service, region = excluded.region,
                          status = excluded.status, reasons = excluded.reasons, checked_at = excluded.checked_at,
                          event_id = excluded.event_id
                        where (target_health.checked_at, target_health.event_id) < (excluded.checked_at, excluded.event_id)""")
                .bind("target", check.getTargetId())
                .bind("service", check.getService())
                .bind("region", check.getRegion())
                .bind("status", check.getStatus().name())
                .bind("reasons", check.getReasons().toArray(String[]::new))
                .bind("checkedAt", check.getOccurredAt().atOffset(ZoneOffset.UTC))
                .bind("eventId", UUID.fromString(check.getEventId()))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }
}
