package org.wedops.planner.scaling;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.security.Role;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scaling by hand ({@code POST /api/infrastructure/scaling/manual}, OPERATOR; see {@link ManualScaling}), the decisions'
 * audit and every managed service's replicas now ({@link ServiceReplicas}).
 */
@RestController
@RequestMapping("/api/infrastructure/scaling")
@RequiredArgsConstructor
class ManualScalingController {

    private final ManualScaling manual;
    private final ScalingDecisions decisions;
    private final ServiceReplicas replicas;

    @PostMapping("/manual")
    Mono<ResponseEntity<Object>> manual(@RequestBody ManualScaling.Request request, Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        return manual.scale(request, authentication.getName(), admin)
                .map(outcome -> outcome instanceof ManualScaling.BelowFloor below ? belowFloor(below) : ResponseEntity.ok((Object) outcome));
    }

    @GetMapping("/decisions")
    Flux<ScalingDecisions.Recorded> decisions(@RequestParam(required = false) String service, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be between 1 and 500");
        }
        return decisions.latest(service == null || service.isBlank() ? null : service, limit);
    }

    /** Every managed service with its replicas now and what the planner would want (before stabilisation). */
    @GetMapping("/services")
    Flux<ServiceReplicas.ServiceView> services() {
        return replicas.now();
    }

    private static ResponseEntity<Object> belowFloor(ManualScaling.BelowFloor below) {
        ScalingRules.Recommendation recommendation = below.recommendation();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, below.replicas() + " replicas is below the protected floor of "
                + recommendation.floor() + " for " + below.service() + " (" + recommendation.reason() + "); only an ADMIN emergency may go below it");
        problem.setTitle("Below the protected floor");
        problem.setProperty("protectedFloor", recommendation.floor());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
