package org.wedops.deploy.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.DeploymentPhase;
import org.wedops.events.Topics;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Mono;

/**
 * Every phase change: the deployment row and a deployment_phase row in one transaction, then the DeploymentEvent on
 * ops.deployments.v1. The phase rows are the outbox: a change whose event could not be sent (broker down, instance
 * killed between commit and send) is sent by the sweep, with the same eventId, so consumers see it once.
 *
 * <p>A change applies only from the phase the caller last saw and, for an executing instance, only while it still
 * owns the deployment (its lease has not run out): an instance that lost a deployment to another cannot write over it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PhaseRecorder {

    private static final Logger log = LoggerFactory.getLogger(PhaseRecorder.class);

    /** A deployment changed under the caller: another instance owns it now, or its phase moved on. */
    public static class LostDeployment extends RuntimeException {
        LostDeployment(UUID id, DeploymentPhase from, DeploymentPhase to) {
            super("deployment " + id + " is no longer ours in " + from + "; not moved to " + to);
        }
    }

    /** Columns that a phase change may set together with the phase; null keeps the stored value. */
    public record Also(String previousVersion, Boolean rolloutStarted, Instant verificationStartedAt) {
        public static final Also NOTHING = new Also(null, null, null);
    }

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final EventPublisher publisher;
    private final Clock clock;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("deployment event outbox", Duration.ofSeconds(2), this::publishLeftovers);
    }

    /** The first phase of a new deployment, in the caller's transaction. */
    public Mono<UUID> recordRequested(UUID deploymentId, String actor, String detail, Instant at) {
        UUID eventId = UUID.randomUUID();
        return insertPhase(deploymentId, DeploymentPhase.REQUESTED, at, actor, detail, eventId).thenReturn(eventId);
    }

    /**
     * Moves the deployment on. {@code owner} is the executing instance, or null for a change made through the API
     * (which applies only while no instance owns the deployment).
     */
    public Mono<Deployment> transition(Deployment d, DeploymentPhase to, String owner, String actor, String detail, Also also) {
        Instant at = clock.instant();
        boolean concluded = d.concludesWith(to) || (to == DeploymentPhase.FAILED && Boolean.FALSE.equals(also.rolloutStarted()));
        UUID eventId = UUID.randomUUID();
        Mono<Long> update = db.sql("""
                        update deployment set phase = :to, updated_at = :at, detail = :detail, concluded = :concluded,
                          previous_version = coalesce(:previous, previous_version),
                          rollout_started = coalesce(:rolloutStarted, rollout_started),
                          verification_started_at = coalesce(:verificationStartedAt, verification_started_at),
                          owner = case when :concluded then null else owner end,
                          lease_until = case when :concluded then null else lease_until end
                        where id = :id and phase = :from
                          and (case when :owner::text is null then owner is null or lease_until < clock_timestamp()
                                    else owner = :owner and lease_until > clock_timestamp() end)""")
                .bind("to", to.name()).bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("detail", Parameter.fromOrEmpty(truncate(detail), String.class)).bind("concluded", concluded)
                .bind("previous", Parameter.fromOrEmpty(also.previousVersion(), String.class))
                .bind("rolloutStarted", Parameter.fromOrEmpty(also.rolloutStarted(), Boolean.class))
                .bind("verificationStartedAt", Parameter.fromOrEmpty(also.verificationStartedAt() == null ? null
                        : also.verificationStartedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("id", d.id()).bind("from", d.phase().name())
                .bind("owner", Parameter.fromOrEmpty(owner, String.class))
                .fetch().rowsUpdated();
        return update
                .flatMap(rows -> rows == 0 ? Mono.error(new LostDeployment(d.id(), d.phase(), to))
                        : insertPhase(d.id(), to, at, actor, detail, eventId))
                .as(transaction::transactional)
                .then(db.sql("select * from deployment where id = :id").bind("id", d.id()).map((row, meta) -> Deployment.from(row)).one())
                .flatMap(updated -> publish(updated, eventId, at, detail).thenReturn(updated))
                .doOnNext(updated -> log.info("Deployment {} of {} {} to {}: {} → {}{}", d.id(), d.service(), d.version(), d.environment(),
                        d.phase(), to, detail == null ? "" : " (" + detail + ")"));
    }

    /** Publishes the REQUESTED event of a deployment just committed. */
    public Mono<Void> publishRequested(Deployment d, UUID eventId, String detail) {
        return publish(d, eventId, d.createdAt(), detail);
    }

    private Mono<Void> insertPhase(UUID deploymentId, DeploymentPhase phase, Instant at, String actor, String detail, UUID eventId) {
        return db.sql("""
                        insert into deployment_phase (deployment_id, phase, at, actor, detail, event_id)
                        values (:id, :phase, :at, :actor, :detail, :eventId)""")
                .bind("id", deploymentId).bind("phase", phase.name()).bind("at", at.atOffset(ZoneOffset.UTC)).bind("actor", actor)
                .bind("detail", Parameter.fromOrEmpty(truncate(detail), String.class)).bind("eventId", eventId)
                .fetch().rowsUpdated().then();
    }

    private Mono<Void> publish(Deployment d, UUID eventId, Instant at, String detail) {
        DeploymentEvent event = DeploymentEvent.newBuilder()
                .setEventId(eventId.toString()).setOccurredAt(at)
                .setDeploymentId(d.id().toString()).setService(d.service()).setEnvironment(d.environment()).setRegion(d.region())
                .setVersion(d.version()).setPreviousVersion(d.previousVersion())
                .setPhase(d.phase()).setEmergency(d.emergency()).setRequestedBy(d.requestedBy()).setReason(d.reason())
                .setDetail(truncate(detail))
                .build();
        return publisher.publish(Topics.DEPLOYMENTS, d.service(), event)
                .then(db.sql("update deployment_phase set published = true where event_id = :eventId").bind("eventId", eventId)
                        .fetch().rowsUpdated())
                .then()
                // the row stays unpublished and the sweep sends it; the phase change itself has happened
                .onErrorResume(e -> {
                    log.warn("Event of deployment {} ({}) not sent yet: {}", d.id(), d.phase(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> publishLeftovers() {
        Instant olderThan = clock.instant().minusSeconds(5);
        return db.sql("""
                        select p.event_id, p.phase as event_phase, p.at as event_at, p.detail as event_detail, d.* from deployment_phase p join deployment d on d.id = p.deployment_id
                        where not p.published and p.at < :olderThan order by p.id limit 100""")
                .bind("olderThan", olderThan.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> {
                    Deployment d = Deployment.from(row);
                    Deployment asThen = new Deployment(d.id(), d.service(), d.environment(), d.region(), d.version(), d.previousVersion(),
                            DeploymentPhase.valueOf(row.get("event_phase", String.class)), d.requestedBy(), d.reason(), d.emergency(),
                            d.createdAt(), d.updatedAt(), d.concluded(), d.rolloutStarted(), d.abortRequested(), d.rollbackRequested(),
                            d.overrideExpiresAt(), d.verificationStartedAt(), d.detail());
                    return new Object[] {asThen, row.get("event_id", UUID.class), Deployment.instant(row, "event_at"), row.get("event_detail", String.class)};
                })
                .all()
                .concatMap(leftover -> publish((Deployment) leftover[0], (UUID) leftover[1], (Instant) leftover[2], (String) leftover[3]))
                .then();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000) + "…";
    }
}
