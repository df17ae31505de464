package org.wedops.deploy.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.deploy.api.RequestProperties.EnvironmentSettings;
import org.wedops.deploy.alerts.DeploymentAlerts;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.support.audit.AuditLog;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.deploy.deployment.DeploymentStore.NewDeployment;
import org.wedops.deploy.deployment.PhaseRecorder;
import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.deploy.execution.DeploymentRunner;
import org.wedops.deploy.gate.GateDecision;
import org.wedops.deploy.gate.Gatekeeper;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * Accepting a deployment request: promotion rule, gate (or an ADMIN's emergency override), one active deployment per
 * service and environment, all decided before anything is written; then the row, its REQUESTED phase and the audit line
 * in one transaction. A repeated Idempotency-Key answers the deployment it created the first time.
 */
@Component
@RequiredArgsConstructor
class DeploymentRequests {

    private final DeploymentStore store;
    private final PhaseRecorder phases;
    private final Gatekeeper gate;
    private final AuditLog audit;
    private final DeploymentAlerts alerts;
    private final DeploymentRunner runner;
    private final TransactionalOperator transaction;
    private final RequestProperties properties;
    private final DeployableServices services;
    private final Clock clock;

    /**
     * Checks the request's fields and the Idempotency-Key (400 naming the field), then who may ask for an emergency
     * override (403), before anything is read or written.
     *
     * @param admin whether the caller holds the ADMIN role, which an emergency override needs
     */
    Mono<ResponseEntity<Object>> accept(DeploymentRequest request, String idempotencyKey, String by, boolean admin) {
        RequestRules.check(request, services);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1–200 characters");
        }
        if (request.isEmergency() && !admin) {
            throw new AccessDeniedException("an emergency override needs the ADMIN role");
        }
        if (idempotencyKey == null) {
            return create(request, null, by);
        }
        return store.findByIdempotencyKey(by, idempotencyKey).map(DeploymentRequests::accepted)
                .switchIfEmpty(Mono.defer(() -> create(request, idempotencyKey, by)));
    }

    private Mono<ResponseEntity<Object>> create(DeploymentRequest request, String idempotencyKey, String by) {
        Instant now = clock.instant();
        String target = request.service() + "/" + request.environment() + "/" + request.region() + "@" + request.version();
        return promotionProblem(request).flatMap(problem -> audit.record(now, by, "deployment.request", target, request.reason(),
                        "REFUSED: " + problem).thenReturn(Problems.of(HttpStatus.CONFLICT, "Promotion rule", problem, Map.of())))
                .switchIfEmpty(Mono.defer(() -> {
                    GateDecision decision = gate.decide(request.service(), request.region());
                    if (!decision.allowed() && !request.isEmergency()) {
                        return audit.record(now, by, "deployment.request", target, request.reason(), "LOCKED: " + decision.reason())
                                .thenReturn(locked(decision));
                    }
                    return insert(request, idempotencyKey, by, now, target, decision);
                }));
    }

    private Mono<String> promotionProblem(DeploymentRequest request) {
        EnvironmentSettings rule = properties.environments().get(request.environment());
        if (rule == null || rule.requiresSuccessIn() == null || rule.requiresSuccessIn().isBlank()) {
            return Mono.empty();
        }
        return store.succeededIn(request.service(), rule.requiresSuccessIn(), request.version())
                .filter(succeeded -> !succeeded)
                .map(no -> request.service() + " " + request.version() + " has not SUCCEEDED in " + rule.requiresSuccessIn()
                        + " yet; " + request.environment() + " accepts only versions that did");
    }

    private Mono<ResponseEntity<Object>> insert(DeploymentRequest request, String idempotencyKey, String by, Instant now, String target,
                                                GateDecision decision) {
        UUID id = UUID.randomUUID();
        boolean overriding = request.isEmergency();
        Instant overrideExpiresAt = overriding ? now.plus(properties.emergencyOverrideValidFor()) : null;
        String detail = overriding ? "emergency override (gate: " + decision.reason() + ")" : decision.reason();
        NewDeployment row = new NewDeployment(id, request.service(), request.environment(), request.region(), request.version(), by,
                request.reason(), overriding, idempotencyKey, overrideExpiresAt, now);
        return store.insert(row)
                .then(phases.recordRequested(id, by, detail, now))
                .flatMap(eventId -> audit.record(now, by, overriding ? "deployment.emergency-override" : "deployment.request", target,
                        request.reason(), "ACCEPTED " + id).thenReturn(eventId))
                .as(transaction::transactional)
                .flatMap(eventId -> store.find(id).flatMap(saved -> phases.publishRequested(saved, eventId, detail)
                        .then(overriding ? alerts.emergencyOverride(saved, overrideExpiresAt) : Mono.empty())
                        .doOnSuccess(done -> runner.wakeUp())
                        .thenReturn(accepted(saved))))
                .onErrorResume(DataIntegrityViolationException.class, e -> idempotencyKey != null
                        ? store.findByIdempotencyKey(by, idempotencyKey).map(DeploymentRequests::accepted).switchIfEmpty(conflict(request))
                        : conflict(request));
    }

    private Mono<ResponseEntity<Object>> conflict(DeploymentRequest request) {
        return store.active(request.service(), request.environment())
                .map(active -> Problems.of(HttpStatus.CONFLICT, "Deployment in progress",
                        request.service() + " already has a deployment in progress in " + request.environment() + ": " + active.id()
                                + " (" + active.version() + ", " + active.phase() + ")",
                        Map.of("activeDeploymentId", active.id().toString())))
                // the active one concluded between the insert and this read: the client may simply retry
                .defaultIfEmpty(Problems.of(HttpStatus.CONFLICT, "Deployment in progress",
                        request.service() + " had a deployment in progress in " + request.environment() + "; retry", Map.of()));
    }

    private static ResponseEntity<Object> locked(GateDecision decision) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", decision.reason());
        details.put("nextOpenAt", decision.nextOpenAt());
        details.put("freezeUntil", decision.freezeUntil());
        details.put("needs", decision.needs().toString());
        return Problems.of(HttpStatus.LOCKED, "Deployments are frozen", decision.reason(), details);
    }

    private static ResponseEntity<Object> accepted(Deployment d) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/infrastructure/deployments/" + d.id())).body(DeploymentView.of(d));
    }
}
