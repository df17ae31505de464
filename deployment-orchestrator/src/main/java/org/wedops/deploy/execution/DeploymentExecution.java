package org.wedops.deploy.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.deploy.alerts.DeploymentAlerts;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.deploy.deployment.PhaseRecorder;
import org.wedops.deploy.deployment.PhaseRecorder.Also;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DeploymentDriver;
import org.wedops.deploy.drivers.Drivers;
import org.wedops.deploy.gate.GateDecision;
import org.wedops.deploy.gate.Gatekeeper;
import org.wedops.deploy.verification.Verifier;
import org.wedops.events.DeploymentPhase;

import reactor.core.publisher.Mono;

/**
 * Drives one owned deployment from the phase it is in to its conclusion:
 * REQUESTED → (BLOCKED) → MIGRATING → ROLLING_OUT → VERIFYING → SUCCEEDED, or → FAILED → ROLLING_BACK → ROLLED_BACK
 * (ROLLBACK_FAILED when the rollback does not verify). Every phase is persisted before the step it names starts, so an
 * instance that takes a deployment over knows what may have happened:
 * <ul>
 *     <li>MIGRATING: the migration may have half-run and nothing was rolled out: FAILED, nothing to undo;</li>
 *     <li>ROLLING_OUT: the rollout may have half-run; it is never run again (no double rollout): FAILED, then rolled back;</li>
 *     <li>VERIFYING: the watch resumes, its window still counted from when verification began;</li>
 *     <li>FAILED after a rollout, or ROLLING_BACK: the rollback (safe to repeat) runs again.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
class DeploymentExecution {

    private static final String ACTOR = "deployment-orchestrator";

    private final PhaseRecorder phases;
    private final DeploymentStore store;
    private final Drivers drivers;
    private final Verifier verifier;
    private final Gatekeeper gate;
    private final DeploymentAlerts alerts;
    private final Clock clock;

    /**
     * Drives the deployment, which this instance has just claimed, until it concludes or is lost. A deployment past
     * REQUESTED was left by another owner (killed, or its lease ran out): whatever that owner's driver may still be
     * running for it is fenced first, and when that cannot be confirmed nothing runs — not even the rollback — and a
     * human is called instead.
     */
    Mono<Deployment> drive(Deployment d, String owner) {
        if (d.phase() == DeploymentPhase.REQUESTED) {
            return driveOn(d, owner);
        }
        return Mono.defer(() -> {
            DeployTarget target = target(d, owner);
            DeploymentDriver driver = drivers.of(target);
            return drivers.call(target, () -> driver.fence(target));
        })
                .flatMap(fenced -> takeOver(d, owner, fenced.isEmpty() ? "" : "; " + fenced).flatMap(after -> driveOn(after, owner)))
                .onErrorResume(DeploymentDriver.PredecessorNotFenced.class, e -> failRollback(d, owner,
                        "not rolled back: the previous owner stopped in " + d.phase() + " and " + e.getMessage()
                                + "; a human must check what runs before anything is run again"));
    }

    private Mono<Deployment> driveOn(Deployment d, String owner) {
        return next(d, owner).flatMap(after -> after.concluded() || after.phase() == d.phase() && after.equals(d)
                ? Mono.just(after) : driveOn(after, owner));
    }

    /** The first move after a takeover, saying what the fence stopped; a step cut off half-way is never run again. */
    private Mono<Deployment> takeOver(Deployment d, String owner, String fenced) {
        return switch (d.phase()) {
            case MIGRATING -> move(d, DeploymentPhase.FAILED, owner, "orchestrator stopped during the migration; nothing was rolled out"
                    + fenced, new Also(null, false, null));
            case ROLLING_OUT -> move(d, DeploymentPhase.FAILED, owner,
                    "orchestrator stopped during the rollout; rolling back instead of rolling out again" + fenced, new Also(null, true, null));
            // recorded, so the history says the rollback was resumed by another owner and what it had to stop first
            case ROLLING_BACK -> fenced.isEmpty() ? Mono.just(d) : move(d, DeploymentPhase.ROLLING_BACK, owner,
                    "orchestrator stopped during the rollback; running it again" + fenced, Also.NOTHING);
            default -> Mono.just(fenced.isEmpty() ? d : withDetail(d, d.detail() + fenced));
        };
    }

    private Mono<Deployment> next(Deployment d, String owner) {
        return switch (d.phase()) {
            case REQUESTED -> start(d, owner);
            case MIGRATING, ROLLING_OUT -> takeOver(d, owner, "");
            case VERIFYING -> verify(d, owner);
            case FAILED -> d.rolloutStarted() ? rollback(d, owner) : Mono.just(d);
            case ROLLING_BACK -> rollingBack(d, owner);
            default -> Mono.just(d);
        };
    }

    private Mono<Deployment> start(Deployment d, String owner) {
        Instant now = clock.instant();
        if (d.abortRequested()) {
            return move(d, DeploymentPhase.ABORTED, owner, "aborted by an operator before the rollout", Also.NOTHING);
        }
        if (d.emergency()) {
            if (d.overrideExpiresAt() != null && d.overrideExpiresAt().isBefore(now)) {
                return move(d, DeploymentPhase.ABORTED, owner, "emergency override expired at " + d.overrideExpiresAt(), Also.NOTHING);
            }
        } else {
            // the request passed the gate; a protected window may have begun while it waited for an instance
            GateDecision decision = gate.decide(d.service(), d.region());
            if (!decision.allowed()) {
                return move(d, DeploymentPhase.BLOCKED, owner, decision.reason(), Also.NOTHING)
                        .flatMap(blocked -> alerts.blocked(blocked, decision.reason()).thenReturn(blocked));
            }
        }
        DeployTarget target = target(d, owner);
        DeploymentDriver driver = drivers.of(target);
        if (!driver.hasMigration(target)) {
            return rollOut(d, owner, target, driver);
        }
        return move(d, DeploymentPhase.MIGRATING, owner, "running the pre-deploy migration of " + d.version(), Also.NOTHING)
                .flatMap(migrating -> drivers.call(target, () -> driver.migrate(target, d.version()))
                        .flatMap(output -> rollOut(withDetail(migrating, output), owner, target, driver))
                        .onErrorResume(failure(), e -> move(migrating, DeploymentPhase.FAILED, owner,
                                "migration failed, nothing rolled out: " + e.getMessage(), new Also(null, false, null))));
    }

    private Mono<Deployment> rollOut(Deployment d, String owner, DeployTarget target, DeploymentDriver driver) {
        Mono<String> previous = d.emergency()
                ? store.lastCleanVersion(d.service(), d.environment(), d.region(), d.id())
                        .switchIfEmpty(drivers.call(target, () -> driver.currentVersion(target)))
                : drivers.call(target, () -> driver.currentVersion(target))
                        .switchIfEmpty(store.lastSucceededVersion(d.service(), d.environment(), d.region(), d.id()));
        return previous.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(before -> move(d, DeploymentPhase.ROLLING_OUT, owner,
                        "rolling out " + d.version() + before.map(v -> " over " + v).orElse(""), new Also(before.orElse(null), true, null)))
                .flatMap(rolling -> drivers.call(target, () -> driver.rollout(target, d.version()))
                        .flatMap(output -> store.find(d.id()).flatMap(now -> now.abortRequested()
                                ? move(rolling, DeploymentPhase.FAILED, owner, "aborted by an operator during the rollout", Also.NOTHING)
                                : move(rolling, DeploymentPhase.VERIFYING, owner, output, new Also(null, null, clock.instant()))))
                        .onErrorResume(failure(), e -> move(rolling, DeploymentPhase.FAILED, owner, "rollout failed: " + e.getMessage(),
                                Also.NOTHING)));
    }

    private Mono<Deployment> verify(Deployment d, String owner) {
        Instant since = d.verificationStartedAt() != null ? d.verificationStartedAt() : clock.instant();
        return verifier.watch(d, since, true).flatMap(verdict -> verdict.failed()
                ? move(d, DeploymentPhase.FAILED, owner, "verification failed: " + verdict.reason() + " → rollback", Also.NOTHING)
                : move(d, DeploymentPhase.SUCCEEDED, owner, verdict.reason(), Also.NOTHING));
    }

    private Mono<Deployment> rollback(Deployment failed, String owner) {
        if (failed.previousVersion() == null) {
            return move(failed, DeploymentPhase.ROLLBACK_FAILED, owner, "no known version to roll back to", Also.NOTHING)
                    .flatMap(d -> alerts.rollbackFailed(d, "no known version to roll back to").thenReturn(d));
        }
        return move(failed, DeploymentPhase.ROLLING_BACK, owner, "rolling back to " + failed.previousVersion() + " after: " + failed.detail(),
                Also.NOTHING).flatMap(d -> rollingBack(d, owner));
    }

    private Mono<Deployment> rollingBack(Deployment d, String owner) {
        DeployTarget target = target(d, owner);
        DeploymentDriver driver = drivers.of(target);
        return drivers.call(target, () -> driver.rollback(target, d.previousVersion()))
                .flatMap(output -> verifier.watch(d, clock.instant(), false).flatMap(verdict -> verdict.failed()
                        ? failRollback(d, owner, "rollback did not verify: " + verdict.reason())
                        : move(d, DeploymentPhase.ROLLED_BACK, owner, output + "; " + verdict.reason(), Also.NOTHING)
                                .flatMap(done -> alerts.rolledBack(done, done.detail()).thenReturn(done))))
                .onErrorResume(failure(), e -> failRollback(d, owner, "rollback failed: " + e.getMessage()));
    }

    private Mono<Deployment> failRollback(Deployment d, String owner, String why) {
        return move(d, DeploymentPhase.ROLLBACK_FAILED, owner, why, Also.NOTHING)
                .flatMap(done -> alerts.rollbackFailed(done, why).thenReturn(done));
    }

    private DeployTarget target(Deployment d, String owner) {
        return drivers.target(d.id(), owner, d.service(), d.environment(), d.region());
    }

    private Mono<Deployment> move(Deployment d, DeploymentPhase to, String owner, String detail, Also also) {
        return phases.transition(d, to, owner, ACTOR, detail, also);
    }

    /** Failures of a step: a driver's, or an unexpected one inside it; losing the deployment is not one of them. */
    private static Predicate<Throwable> failure() {
        return e -> !(e instanceof PhaseRecorder.LostDeployment);
    }

    private static Deployment withDetail(Deployment d, String detail) {
        return new Deployment(d.id(), d.service(), d.environment(), d.region(), d.version(), d.previousVersion(), d.phase(), d.requestedBy(),
                d.reason(), d.emergency(), d.createdAt(), d.updatedAt(), d.concluded(), d.rolloutStarted(), d.abortRequested(),
                d.rollbackRequested(), d.overrideExpiresAt(), d.verificationStartedAt(), detail);
    }
}
