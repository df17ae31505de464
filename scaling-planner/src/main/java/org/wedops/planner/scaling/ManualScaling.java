package org.wedops.planner.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.events.ProtectionLevel;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * Scaling by hand: a person sets a service's replicas for the manual hold period. Below the protected floor it is
 * refused (and the refusal audited) unless an ADMIN declares an emergency with a reason. A manual change is carried
 * out by the instance that receives it, lease or not: it is a person's decision, audited like any other.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ManualScaling {

    /** What a person asks for. */
    public record Request(String service, Integer replicas, String reason, Boolean emergency) {
    }

    /** Either the change was made ({@link Done}) or it was refused as below the protected floor ({@link BelowFloor}). */
    public sealed interface Outcome permits Done, BelowFloor {
    }

    public record Done(String service, int fromReplicas, int toReplicas, boolean applied, String reason, Instant holdUntil) implements Outcome {
    }

    public record BelowFloor(String service, int replicas, ScalingRules.Recommendation recommendation) implements Outcome {
    }

    private final ScalingLoop loop;
    private final ScalingDecisions decisions;
    private final ManualOverrides overrides;
    private final ReplicaTarget target;
    private final AuditLog audit;
    private final ScalingProperties properties;
    private final Clock clock;

    /** @param admin whether the caller holds the ADMIN role, which an emergency needs */
    public Mono<Outcome> scale(Request request, String by, boolean admin) {
        List<FieldProblem> problems = new ArrayList<>();
        ManagedService service = request.service() == null ? null : loop.service(request.service()).orElse(null);
        if (service == null) {
            problems.add(new FieldProblem("service", "must be one of the managed services " + properties.services().stream()
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
                        return audit.record(now, by, "scaling.manual", service.name(), reason,
                                        "REFUSED: below the protected floor " + recommendation.floor())
                                .thenReturn(new BelowFloor(service.name(), replicas, recommendation));
                    }
                    Instant until = now.plus(properties.manualHold());
                    String why = (emergency ? "emergency manual scaling by " : "manual scaling by ") + by + ": " + reason;
                    return target.current(service)
                            .flatMap(current -> overrides.set(new ManualOverrides.Override(service.name(), replicas, until, by, why))
                                    .then(decisions.execute(service, current, replicas, ProtectionLevel.valueOf(recommendation.inputs().get("level")),
                                            why, recommendation.inputs(), by, now))
                                    .flatMap(decision -> audit.record(now, by, emergency ? "scaling.manual.emergency" : "scaling.manual",
                                                    service.name(), reason, current + " -> " + replicas + (decision.getApplied() ? " applied" : " not applied"))
                                            .thenReturn(new Done(service.name(), current, replicas, decision.getApplied(), why, until))));
                });
    }
}
