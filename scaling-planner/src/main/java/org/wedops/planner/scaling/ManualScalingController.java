package org.wedops.planner.scaling;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.server.ResponseStatusException;
import org.wedops.events.ProtectionLevel;
import org.wedops.planner.ScalingPlannerProperties.ManagedService;
import org.wedops.support.audit.AuditLog;
import org.wedops.planner.ScalingPlannerProperties;
import org.wedops.security.Role;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scaling by hand and the decisions' audit. {@code POST /api/infrastructure/scaling/manual} (OPERATOR) sets a
 * service's replicas for the manual hold period; below the protected floor it is refused (409 with the floor)
 * unless an ADMIN declares an emergency with a reason. A manual change is carried out by the instance that receives
 * it, lease or not: it is a person's decision, audited like any other.
 */
@RestController
@RequestMapping("/api/infrastructure/scaling")
class ManualScalingController {

    private final ScalingLoop loop;
    private final ScalingDecisions decisions;
    private final ManualOverrides overrides;
    private final ReplicaTarget target;
    private final AuditLog audit;
    private final ScalingPlannerProperties properties;
    private final Clock clock;

    ManualScalingController(ScalingLoop loop, ScalingDecisions decisions, ManualOverrides overrides, ReplicaTarget target, AuditLog audit,
                            ScalingPlannerProperties properties, Clock clock) {
        this.loop = loop;
        this.decisions = decisions;
        this.overrides = overrides;
        this.target = target;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    record ManualScaling(String service, Integer replicas, String reason, Boolean emergency) {
    }

    record ManualOutcome(String service, int fromReplicas, int toReplicas, boolean applied, String reason, Instant holdUntil) {
    }

    record ServiceView(String service, String region, int currentReplicas, int desiredReplicas, int protectedFloor, String reason,
                       Map<String, String> inputs) {
    }

    @PostMapping("/manual")
    Mono<ResponseEntity<Object>> manual(@RequestBody ManualScaling request, Authentication authentication, Principal principal) {
        List<FieldProblem> problems = new ArrayList<>();
        ManagedService service = request.service() == null ? null : loop.service(request.service()).orElse(null);
        if (service == null) {
            problems.add(new FieldProblem("service", "must be one of the managed services " + properties.scaling().services().stream()
                    .map(ManagedService::name).toList()));
        }
        if (request.replicas() == null) {
            problems.add(new FieldProblem("replicas", "is required"));
        } else if (service != null && (request.replicas() < service.replicas().min() || request.replicas() > service.replicas().max())) {
            problems.add(new FieldProblem("replicas", "must be between " + service.replicas().min() + " and " + service.replicas().max()));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "a reason is required"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        boolean emergency = Boolean.TRUE.equals(request.emergency());
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (emergency && !admin) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "an emergency scaling needs the ADMIN role"));
        }
        int replicas = request.replicas();
        String reason = request.reason().trim();
        Instant now = clock.instant();
        return loop.recommend(service, now)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                        "no protection known yet for region " + service.region())))
                .flatMap(recommendation -> {
                    if (replicas < recommendation.floor() && !emergency) {
                        return audit.record(now, principal.getName(), "scaling.manual", service.name(), reason,
                                        "REFUSED: below the protected floor " + recommendation.floor())
                                .thenReturn(belowFloor(service, replicas, recommendation));
                    }
                    Instant until = now.plus(properties.scaling().manualHold());
                    String why = (emergency ? "emergency manual scaling by " : "manual scaling by ") + principal.getName() + ": " + reason;
                    return target.current(service)
                            .flatMap(current -> overrides.set(new ManualOverrides.Override(service.name(), replicas, until, principal.getName(), why))
                                    .then(decisions.execute(service, current, replicas, ProtectionLevel.valueOf(recommendation.inputs().get("level")),
                                            why, recommendation.inputs(), principal.getName(), now))
                                    .flatMap(decision -> audit.record(now, principal.getName(), emergency ? "scaling.manual.emergency" : "scaling.manual",
                                                    service.name(), reason, current + " -> " + replicas + (decision.getApplied() ? " applied" : " not applied"))
                                            .thenReturn(ResponseEntity.ok((Object) new ManualOutcome(service.name(), current, replicas,
                                                    decision.getApplied(), why, until)))));
                });
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
    Flux<ServiceView> services() {
        Instant now = clock.instant();
        return Flux.fromIterable(properties.scaling().services())
                .concatMap(service -> Mono.zip(target.current(service).onErrorReturn(-1), loop.recommend(service, now))
                        .map(both -> new ServiceView(service.name(), service.region(), both.getT1(), both.getT2().desired(),
                                both.getT2().floor(), both.getT2().reason(), both.getT2().inputs())));
    }

    private static ResponseEntity<Object> belowFloor(ManagedService service, int replicas, ScalingRules.Recommendation recommendation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, replicas + " replicas is below the protected floor of "
                + recommendation.floor() + " for " + service.name() + " (" + recommendation.reason() + "); only an ADMIN emergency may go below it");
        problem.setTitle("Below the protected floor");
        problem.setProperty("protectedFloor", recommendation.floor());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
