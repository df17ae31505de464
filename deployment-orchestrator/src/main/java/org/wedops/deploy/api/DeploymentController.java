package org.wedops.deploy.api;

import java.security.Principal;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.security.Role;
import org.wedops.support.web.InvalidRequestException;
import org.wedops.events.DeploymentPhase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deployments: request (OPERATOR; emergency ADMIN), history, one with its phases, manual rollback and abort. */
@RestController
@RequestMapping("/api/admin/infrastructure/deployments")
class DeploymentController {

    private final DeploymentRequests requests;
    private final DeploymentActions actions;
    private final DeploymentStore store;
    private final DeployableServices properties;

    DeploymentController(DeploymentRequests requests, DeploymentActions actions, DeploymentStore store,
                         DeployableServices properties) {
        this.requests = requests;
        this.actions = actions;
        this.store = store;
        this.properties = properties;
    }

    @PostMapping
    Mono<ResponseEntity<Object>> request(@RequestBody(required = false) DeploymentRequest request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                         Principal principal) {
        RequestRules.check(request, properties);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1–200 characters");
        }
        if (request.isEmergency() && !hasRole(principal, Role.ADMIN)) {
            throw new AccessDeniedException("an emergency override needs the ADMIN role");
        }
        return requests.accept(request, idempotencyKey, principal.getName());
    }

    @GetMapping
    Flux<DeploymentView> history(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
                                 @RequestParam(required = false) String region, @RequestParam(required = false) String phase,
                                 @RequestParam(defaultValue = "100") int limit) {
        DeploymentPhase wanted = null;
        if (phase != null && !phase.isBlank()) {
            try {
                wanted = DeploymentPhase.valueOf(phase);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("phase", "must be one of " + java.util.Arrays.toString(DeploymentPhase.values()));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return store.history(blankToNull(service), blankToNull(environment), blankToNull(region), wanted, limit).map(DeploymentView::of);
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    Mono<DeploymentView> one(@PathVariable UUID id) {
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no deployment " + id)))
                .flatMap(d -> store.phases(id).collectList().map(changes -> DeploymentView.of(d, changes)));
    }

    record ActionRequest(String reason) {
    }

    @PutMapping("/{id}/rollback")
    Mono<ResponseEntity<Object>> rollback(@PathVariable UUID id, @RequestBody(required = false) ActionRequest body, Principal principal) {
        return actions.rollback(id, body == null ? null : body.reason(), principal.getName());
    }

    @PostMapping("/{id}/abort")
    Mono<ResponseEntity<Object>> abort(@PathVariable UUID id, @RequestBody(required = false) ActionRequest body, Principal principal) {
        return actions.abort(id, body == null ? null : body.reason(), principal.getName());
    }

    private static boolean hasRole(Principal principal, Role role) {
        return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
