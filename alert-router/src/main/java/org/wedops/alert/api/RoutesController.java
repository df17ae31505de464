package org.wedops.alert.api;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.alert.routing.Routing;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The routing in force and the outcome of the last load, so a refused change is visible with its errors. Receivers
 * are shown with their integrations and hosts only: webhook URLs and routing keys are secrets
 * ({@link org.wedops.alert.routing.SecretUrl}, {@link org.wedops.alert.routing.SecretText}).
 */
@RestController
@RequestMapping("/api/alerts/routes")
class RoutesController {

    private static final int MAX_REASON = 500;

    private final Routing routing;
    private final AuditLog audit;
    private final Clock clock;

    RoutesController(Routing routing, AuditLog audit, Clock clock) {
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> routes() {
        return Map.of("route", routing.config().root(), "receivers", routing.config().receivers().values(),
                "inhibitRules", routing.config().inhibitRules(), "escalations", routing.config().escalations().values(),
                "lastLoad", routing.lastLoad());
    }

    /**
     * Reads the routing file now instead of at the next periodic check; audited with its outcome (applied, unchanged,
     * or refused with the problems, which never quote a secret).
     */
    @PostMapping("/reload")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Routing.LoadOutcome> reload(@RequestParam(required = false) String reason, Principal principal) {
        if (reason != null && reason.length() > MAX_REASON) {
            return Mono.error(new InvalidRequestException("reason", "must be at most " + MAX_REASON + " characters"));
        }
        return Mono.fromCallable(() -> {
                    Routing.LoadOutcome before = routing.lastLoad();
                    Routing.LoadOutcome after = routing.reloadIfChanged();
                    return Map.entry(after, after != before);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> {
                    Routing.LoadOutcome outcome = result.getKey();
                    String said = !result.getValue() ? "UNCHANGED"
                            : outcome.applied() ? "APPLIED" : "REFUSED: " + String.join("; ", outcome.problems());
                    return audit.record(clock.instant(), principal.getName(), "routing.reload", "routing", reason, said).thenReturn(outcome);
                });
    }
}
