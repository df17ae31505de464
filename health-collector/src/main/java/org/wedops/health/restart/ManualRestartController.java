package org.wedops.health.restart;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.health.checking.CheckSubject;
import org.wedops.health.status.TargetStatusStore;
import org.wedops.security.Role;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.protection.RegionProtection;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/admin/infrastructure/containers/{id}/restart}: an OPERATOR restarts a container or pod by hand,
 * except inside a protected window, where only an ADMIN may, declaring an emergency with a written reason. A
 * refusal is 423 Locked with the window's reason and end.
 */
@RestController
@RequestMapping("/api/admin/infrastructure/containers")
class ManualRestartController {

    private final TargetStatusStore statuses;
    private final RestartDecisions decisions;
    private final AuditLog audit;
    private final Clock clock;

    ManualRestartController(TargetStatusStore statuses, RestartDecisions decisions, AuditLog audit, Clock clock) {
        this.statuses = statuses;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    record RestartRequest(Boolean emergency, String reason) {
    }

    @PostMapping("/{id}/restart")
    Mono<ResponseEntity<Object>> restart(@PathVariable String id, @RequestBody(required = false) RestartRequest request,
                                         Authentication authentication, Principal principal) {
        boolean emergency = request != null && Boolean.TRUE.equals(request.emergency());
        String reason = request == null ? null : request.reason();
        if (emergency) {
            boolean admin = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
            if (!admin) {
                return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "an emergency restart needs the ADMIN role"));
            }
            if (reason == null || reason.isBlank()) {
                return Mono.error(new InvalidRequestException("reason", "an emergency restart needs a written reason"));
            }
        }
        return statuses.find(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no container or pod '" + id + "'")))
                .flatMap(status -> decisions.byHand(new CheckSubject(status.id(), status.service(), status.region(), status.source()),
                                principal.getName(), emergency, reason)
                        .flatMap(decision -> audit.record(clock.instant(), principal.getName(), emergency ? "container.restart.emergency" : "container.restart",
                                id, reason, (decision.restart() ? "RESTARTED: " : "REFUSED: ") + decision.reason()).thenReturn(decision))
                        .map(decision -> decision.restart()
                                ? ResponseEntity.accepted().body((Object) Map.of("restarted", id, "reason", decision.reason()))
                                : refusal(decision, decisions.protectionOf(status.region()))));
    }

    private ResponseEntity<Object> refusal(RestartPolicy.Decision decision, RegionProtection protection) {
        boolean locked = decision.heldByProtection();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(locked ? HttpStatus.LOCKED : HttpStatus.CONFLICT,
                "Not restarted: " + decision.reason());
        problem.setTitle(!locked ? "Cannot restart" : protection.known() ? "Protected window" : "Protection state " + protection.knowledge().name().toLowerCase());
        Instant until = locked ? protection.protectedUntil(clock.instant()) : null;
        if (until != null) {
            problem.setProperty("windowEndsAt", until.toString());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
