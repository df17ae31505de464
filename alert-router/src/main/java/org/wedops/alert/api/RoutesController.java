package org.wedops.alert.api;

import java.security.Principal;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.alert.routing.Routing;
import org.wedops.alert.routing.RoutingReloads;
import org.wedops.alert.routing.SecretText;
import org.wedops.alert.routing.SecretUrl;

import reactor.core.publisher.Mono;

/**
 * The routing in force and the outcome of the last load, so a refused change is visible with its errors. Receivers
 * are shown with their integrations and hosts only: webhook URLs and routing keys are secrets ({@link SecretUrl},
 * {@link SecretText}).
 */
@RestController
@RequestMapping("/api/alerts/routes")
@RequiredArgsConstructor
class RoutesController {

    private final Routing routing;
    private final RoutingReloads reloads;

    @GetMapping
    Map<String, Object> routes() {
        return Map.of("route", routing.config().root(), "receivers", routing.config().receivers().values(),
                "inhibitRules", routing.config().inhibitRules(), "escalations", routing.config().escalations().values(),
                "lastLoad", routing.lastLoad());
    }

    /** Reads the routing file now instead of at the next periodic check; audited. */
    @PostMapping("/reload")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Routing.LoadOutcome> reload(@RequestParam(required = false) String reason, Principal principal) {
        return reloads.reloadNow(reason, principal.getName());
    }
}
