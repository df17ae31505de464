package org.wedops.health.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.classification.StatusConfirmation;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Current status and check history, written together so that one never runs ahead of the other. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TargetStatusStore {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public Mono<TargetStatus> find(String targetId) {
        return db.sql("select * from target_status where target_id = :id").bind("id", targetId)
                .map((row, meta) -> new TargetStatus(
                        row.get("target_id", String.class), row.get("service", String.class), row.get("region", String.class),
                        HealthSource.valueOf(row.get("source", String.class)), HealthStatus.valueOf(row.get("status", String.class)),
                        Arrays.asList(row.get("reasons", String[].class)), row.get("response_time_ms", Double.class),
                        row.get("checked_at", OffsetDateTime.class).toInstant(), row.get("changed_at", OffsetDateTime.class).toInstant(),
                        HealthStatus.valueOf(row.get("candidate_status", String.class)), row.get("candidate_streak", Integer.class)))
                .one();
    }

    public Flux<TargetStatus> all(String service, String region, HealthStatus status) {
        return db.sql("""
                        select target_id from target_status
                        where (:service::text is null or service = :service)
                          and (:region::text is null or region = :region)
                          and (:status::text is null or status = :status)
                        order by target_id""")
                .bind("service", Parameter.fromOrEmpty(service, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map((row, meta) -> row.get("target_id", String.class))
                .all()
                .concatMap(this::find);
    }

    /** Stores one check and the target's confirmed status after it; a check already stored is ignored. */
    public Mono<Void> record(ContainerHealthReported check, StatusConfirmation confirmation, Instant changedAt) {
        Mono<Long> history = db.sql("""
                        insert into health_check (event_id, target_id, service, region, source, status, reasons, profile, response_time_ms, checked_at)
                        values (:eventId, :target, :service, :region, :source, :status, :reasons, :profile, :responseTime, :checkedAt)
                        on conflict (event_id) do nothing""")
                .bind("eventId", UUID.fromString(check.getEventId()))
                .bind("target", check.getTargetId()).bind("service", check.getService()).bind("region", check.getRegion())
                .bind("source", check.getSource().name()).bind("status", check.getStatus().name())
                .bind("reasons", check.getReasons().toArray(String[]::new)).bind("profile", check.getProfile().name())
                .bind("responseTime", Parameter.fromOrEmpty(check.getResponseTimeMs(), Double.class))
                .bind("checkedAt", at(check.getOccurredAt()))
                .fetch().rowsUpdated();
        Mono<Long> current = db.sql("""
                        insert into target_status (target_id, service, region, source, status, candidate_status, candidate_streak, reasons, response_time_ms, checked_at, changed_at)
                        values (:target, :service, :region, :source, :status, :candidate, :streak, :reasons, :responseTime, :checkedAt, :changedAt)
                        on conflict (target_id) do update set service = excluded.service, region = excluded.region, source = excluded.source,
                          status = excluded.status, candidate_status = excluded.candidate_status, candidate_streak = excluded.candidate_streak,
                          reasons = excluded.reasons, response_time_ms = excluded.response_time_ms, checked_at = excluded.checked_at,
                          changed_at = excluded.changed_at
                        where target_status.checked_at <= excluded.checked_at""")
                .bind("target", check.getTargetId()).bind("service", check.getService()).bind("region", check.getRegion())
                .bind("source", check.getSource().name()).bind("status", confirmation.confirmed().name())
                .bind("candidate", confirmation.candidate().name()).bind("streak", confirmation.streak())
                .bind("reasons", check.getReasons().toArray(String[]::new))
                .bind("responseTime", Parameter.fromOrEmpty(check.getResponseTimeMs(), Double.class))
                .bind("checkedAt", at(check.getOccurredAt())).bind("changedAt", at(changedAt))
                .fetch().rowsUpdated();
        return history.then(current).as(transaction::transactional).then();
    }

    public Mono<Long> deleteHistoryBefore(Instant cutoff) {
        return db.sql("delete from health_check where checked_at < :cutoff").bind("cutoff", at(cutoff)).fetch().rowsUpdated();
    }

    public Flux<ContainerHealthReported> history(String targetId, Instant from, Instant to) {
        return db.sql("""
                        select * from health_check where target_id = :target and checked_at >= :from and checked_at < :to
                        order by checked_at desc limit 1000""")
                .bind("target", targetId).bind("from", at(from)).bind("to", at(to))
                .map((row, meta) -> ContainerHealthReported.newBuilder()
                        .setEventId(row.get("event_id", UUID.class).toString())
                        .setOccurredAt(row.get("checked_at", OffsetDateTime.class).toInstant())
                        .setTargetId(row.get("target_id", String.class)).setService(row.get("service", String.class))
                        .setRegion(row.get("region", String.class)).setSource(HealthSource.valueOf(row.get("source", String.class)))
                        .setStatus(HealthStatus.valueOf(row.get("status", String.class)))
                        .setReasons(List.of(row.get("reasons", String[].class)))
                        .setProfile(ThresholdProfile.valueOf(row.get("profile", String.class)))
                        .setResponseTimeMs(row.get("response_time_ms", Double.class))
                        .build())
                .all();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
