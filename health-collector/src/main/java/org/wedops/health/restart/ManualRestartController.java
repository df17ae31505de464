package org.wedops.health.restart;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.security.Role;
import org.wedops.support.protection.RegionProtection;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/admin/infrastructure/containers/{id}/restart}: an OPERATOR restarts a container or pod by hand,
 * except inside a protected window, where only an ADMIN may, declaring an emergency with a written reason. A
 * refusal is 423 Locked with the window's reason and end.
 */
@RestController
@RequestMapping("/api/admin/infrastructure/containers")
@RequiredArgsConstructor
class ManualRestartController {

    private final ManualRestarts restarts;
    private final Clock clock;

    record RestartRequest(Boolean emergency, String reason) {
    }

    @PostMapping("/{id}/restart")
    Mono<ResponseEntity<Object>> restart(@PathVariable String id, @RequestBody(required = false) RestartRequest request,
                                         Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        boolean emergency = request != null && Boolean.TRUE.equals(request.emergency());
        return restarts.restart(id, authentication.getName(), admin, emergency, request == null ? null : request.reason())
                .map(outcome -> outcome.decision().restart()
                        ? ResponseEntity.accepted().<Object>body(Map.of("restarted", id, "reason", outcome.decision().reason()))
                        : refusal(outcome.decision(), outcome.protection()));
    }

    private ResponseEntity<Object> refusal(RestartPolicy.Decision decision, RegionProtection protection) {
        boolean locked = decision.heldByProtection();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(locked ? HttpStatus.LOCKED : HttpStatus.CONFLICT,
                "Not restarted: " + decision.reason());
        problem.setTitle(!locked ? "Cannot restart"
                : protection.known() ? "Protected window" : "Protection state " + protection.knowledge().name().toLowerCase(Locale.ROOT));
        Instant until = locked ? protection.protectedUntil(clock.instant()) : null;
        if (until != null) {
            problem.setProperty("windowEndsAt", until.toString());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
