package org.wedops.deploy.deployment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.events.DeploymentPhase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes of deployment rows that are not phase changes (those go through {@link PhaseRecorder}). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeploymentStore {

    private final DatabaseClient db;

    public record NewDeployment(UUID id, String service, String environment, String region, String version, String requestedBy,
                                String reason, boolean emergency, String idempotencyKey, Instant overrideExpiresAt, Instant at) {
    }

    /** Inserts in phase REQUESTED; a second active deployment of the service and environment violates deployment_one_active. */
    public Mono<Void> insert(NewDeployment d) {
        return db.sql("""
                        insert into deployment (id, service, environment, region, version, phase, requested_by, reason, emergency,
                          created_at, updated_at, idempotency_key, override_expires_at)
                        values (:id, :service, :environment, :region, :version, 'REQUESTED', :by, :reason, :emergency, :at, :at,
                          :key, :override)""")
                .bind("id", d.id()).bind("service", d.service()).bind("environment", d.environment()).bind("region", d.region())
                .bind("version", d.version()).bind("by", d.requestedBy())
                .bind("reason", Parameter.fromOrEmpty(d.reason(), String.class)).bind("emergency", d.emergency())
                .bind("at", d.at().atOffset(ZoneOffset.UTC))
                .bind("key", Parameter.fromOrEmpty(d.idempotencyKey(), String.class))
                .bind("override", Parameter.fromOrEmpty(d.overrideExpiresAt() == null ? null : d.overrideExpiresAt().atOffset(ZoneOffset.UTC),
                        OffsetDateTime.class))
                .fetch().rowsUpdated().then();
    }

    public Mono<Deployment> find(UUID id) {
        return db.sql("select * from deployment where id = :id").bind("id", id).map((row, meta) -> Deployment.from(row)).one();
    }

    public Mono<Deployment> findByIdempotencyKey(String requestedBy, String key) {
        return db.sql("select * from deployment where requested_by = :by and idempotency_key = :key")
                .bind("by", requestedBy).bind("key", key).map((row, meta) -> Deployment.from(row)).one();
    }

    public Mono<Deployment> active(String service, String environment) {
        return db.sql("select * from deployment where service = :service and environment = :environment and not concluded")
                .bind("service", service).bind("environment", environment).map((row, meta) -> Deployment.from(row)).one();
    }

    /** History, newest first; every filter optional. */
    public Flux<Deployment> history(String service, String environment, String region, DeploymentPhase phase, int limit) {
        return db.sql("""
                        select * from deployment
                        where (:service::text is null or service = :service)
                          and (:environment::text is null or environment = :environment)
                          and (:region::text is null or region = :region)
                          and (:phase::text is null or phase = :phase)
                        order by created_at desc limit :limit""")
                .bind("service", Parameter.fromOrEmpty(service, String.class))
                .bind("environment", Parameter.fromOrEmpty(environment, String.class))
                .bind("region", Parameter.fromOrEmpty(region, String.class))
                .bind("phase", Parameter.fromOrEmpty(phase == null ? null : phase.name(), String.class))
                .bind("limit", limit)
                .map((row, meta) -> Deployment.from(row)).all();
    }

    public Flux<PhaseChange> phases(UUID id) {
        return db.sql("select phase, at, actor, detail from deployment_phase where deployment_id = :id order by id")
                .bind("id", id)
                .map((row, meta) -> new PhaseChange(row.get("phase", String.class), Deployment.instant(row, "at"),
                        row.get("actor", String.class), row.get("detail", String.class)))
                .all();
    }

    /** Whether the version ever SUCCEEDED for the service in the environment (the promotion rule). */
    public Mono<Boolean> succeededIn(String service, String environment, String version) {
        return db.sql("""
                        select exists (select 1 from deployment where service = :service and environment = :environment
                          and version = :version and phase = 'SUCCEEDED')""")
                .bind("service", service).bind("environment", environment).bind("version", version)
                .map((row, meta) -> row.get(0, Boolean.class)).one();
    }

    /**
     * The version an emergency deployment rolls back to: the last one that SUCCEEDED without an override. A normal
     * deployment passes the gate only if it ends before a protected window, so that version was running when the
     * window began and ran through it.
     */
    public Mono<String> lastCleanVersion(String service, String environment, String region, UUID except) {
        return db.sql("""
                        select version from deployment where service = :service and environment = :environment and region = :region
                          and phase = 'SUCCEEDED' and not emergency and id <> :except
                        order by updated_at desc limit 1""")
                .bind("service", service).bind("environment", environment).bind("region", region).bind("except", except)
                .map((row, meta) -> row.get(0, String.class)).one();
    }

    /** The version last deployed successfully, for drivers that cannot read what runs now. */
    public Mono<String> lastSucceededVersion(String service, String environment, String region, UUID except) {
        return db.sql("""
                        select version from deployment where service = :service and environment = :environment and region = :region
                          and phase = 'SUCCEEDED' and id <> :except
                        order by updated_at desc limit 1""")
                .bind("service", service).bind("environment", environment).bind("region", region).bind("except", except)
                .map((row, meta) -> row.get(0, String.class)).one();
    }

    /** Asks the owner to stop: it aborts before the rollout, or rolls back after it. Answers whether it was in flight. */
    public Mono<Boolean> requestAbort(UUID id) {
        return db.sql("update deployment set abort_requested = true where id = :id and not concluded")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Asks the owner of a deployment in verification to roll it back now. */
    public Mono<Boolean> requestRollback(UUID id) {
        return db.sql("update deployment set rollback_requested = true where id = :id and not concluded and rollout_started")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
