package org.wedops.deploy.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.deploy.deployment.PhaseRecorder;
import org.wedops.deploy.deployment.PhaseRecorder.Also;
import org.wedops.deploy.execution.DeploymentRunner;
import org.wedops.events.DeploymentPhase;

import reactor.core.publisher.Mono;

/**
 * Manual rollback and abort. A deployment being driven is only asked (its owner rolls back or aborts at its next
 * check); one nobody drives is moved here: a SUCCEEDED one to ROLLING_BACK (an instance then rolls it back), a
 * REQUESTED one to ABORTED. Every call is audited with its outcome.
 */
@Component
@RequiredArgsConstructor
class DeploymentActions {

    private final DeploymentStore store;
    private final PhaseRecorder phases;
    private final AuditLog audit;
    private final DeploymentRunner runner;
    private final Clock clock;

    Mono<ResponseEntity<Object>> rollback(UUID id, String reason, String by) {
        return find(id).flatMap(d -> {
            Mono<ResponseEntity<Object>> answer;
            if (d.phase() == DeploymentPhase.SUCCEEDED) {
                answer = store.history(d.service(), d.environment(), null, null, 1).next()
                        .flatMap(latest -> !latest.id().equals(d.id())
                                ? Mono.just(conflict("only the latest deployment of " + d.service() + " in " + d.environment()
                                + " can be rolled back; the latest is " + latest.id()))
                                : phases.transition(d, DeploymentPhase.ROLLING_BACK, null, by, "manual rollback to " + d.previousVersion()
                                        + (reason == null ? "" : ": " + reason), Also.NOTHING).map(DeploymentActions::accepted));
                if (d.previousVersion() == null) {
                    answer = Mono.just(conflict("no known version before " + d.version() + " to roll back to"));
                }
            } else if (!d.concluded() && d.rolloutStarted() && d.phase() != DeploymentPhase.ROLLING_BACK) {
                answer = store.requestRollback(id).map(asked -> asked ? accepted(d) : conflict("deployment " + id + " concluded meanwhile"));
            } else {
                answer = Mono.just(conflict("a deployment in phase " + d.phase() + " cannot be rolled back"));
            }
            return audited(answer.onErrorResume(this::lostRace), by, "deployment.rollback", d, reason);
        });
    }

    Mono<ResponseEntity<Object>> abort(UUID id, String reason, String by) {
        return find(id).flatMap(d -> {
            Mono<ResponseEntity<Object>> answer;
            if (d.concluded()) {
                answer = Mono.just(conflict("deployment " + id + " already concluded in " + d.phase()));
            } else if (d.phase() == DeploymentPhase.REQUESTED) {
                answer = phases.transition(d, DeploymentPhase.ABORTED, null, by, "aborted" + (reason == null ? "" : ": " + reason), Also.NOTHING)
                        .map(DeploymentActions::accepted)
                        // an instance has claimed it meanwhile: ask it instead
                        .onErrorResume(PhaseRecorder.LostDeployment.class, e -> store.requestAbort(id).thenReturn(accepted(d)));
            } else {
                answer = store.requestAbort(id).map(asked -> asked ? accepted(d) : conflict("deployment " + id + " concluded meanwhile"));
            }
            return audited(answer.doOnSuccess(done -> runner.wakeUp()), by, "deployment.abort", d, reason);
        });
    }

    private Mono<ResponseEntity<Object>> audited(Mono<ResponseEntity<Object>> answer, String by, String action, Deployment d, String reason) {
        Instant now = clock.instant();
        return answer.flatMap(response -> audit.record(now, by, action, d.id().toString(), reason, response.getStatusCode().toString())
                .thenReturn(response)).doOnSuccess(done -> runner.wakeUp());
    }

    private Mono<ResponseEntity<Object>> lostRace(Throwable e) {
        if (e instanceof DataIntegrityViolationException) {
            return Mono.just(conflict("another deployment of this service is in progress in this environment"));
        }
        if (e instanceof PhaseRecorder.LostDeployment) {
            return Mono.just(conflict("the deployment changed meanwhile; read it again"));
        }
        return Mono.error(e);
    }

    private Mono<Deployment> find(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no deployment " + id)));
    }

    private static ResponseEntity<Object> accepted(Deployment d) {
        return ResponseEntity.accepted().body(DeploymentView.of(d));
    }

    private static ResponseEntity<Object> conflict(String detail) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
    }
}
