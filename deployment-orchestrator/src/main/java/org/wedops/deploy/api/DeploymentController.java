package org.wedops.deploy.api;

import java.security.Principal;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
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
import org.wedops.security.Role;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deployments: request (OPERATOR; emergency ADMIN), history, one with its phases, manual rollback and abort. */
@RestController
@RequestMapping("/api/admin/infrastructure/deployments")
@RequiredArgsConstructor
class DeploymentController {

    private final DeploymentRequests requests;
    private final DeploymentActions actions;
    private final DeploymentHistory history;

    @PostMapping
    Mono<ResponseEntity<Object>> request(@RequestBody(required = false) DeploymentRequest request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                         Principal principal) {
        return requests.accept(request, idempotencyKey, principal.getName(), isAdmin(principal));
    }

    @GetMapping
    Flux<DeploymentView> history(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
                                 @RequestParam(required = false) String region, @RequestParam(required = false) String phase,
                                 @RequestParam(defaultValue = "100") int limit) {
        return history.list(service, environment, region, phase, limit);
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    Mono<DeploymentView> one(@PathVariable UUID id) {
        return history.one(id);
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

    private static boolean isAdmin(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
    }
}
