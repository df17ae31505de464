package org.wedops.alert.api;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.alert.routing.Routing;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The routing in force and the outcome of the last load, so a refused change is visible with its errors. */
@RestController
@RequestMapping("/api/alerts/routes")
class RoutesController {

    private final Routing routing;

    RoutesController(Routing routing) {
        this.routing = routing;
    }

    @GetMapping
    Map<String, Object> routes() {
        return Map.of("route", routing.config().root(), "receivers", routing.config().receivers().values(),
                "inhibitRules", routing.config().inhibitRules(), "escalations", routing.config().escalations().values(),
                "lastLoad", routing.lastLoad());
    }

    /** Reads the routing file now instead of at the next periodic check. */
    @PostMapping("/reload")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Routing.LoadOutcome> reload() {
        return Mono.fromCallable(routing::reloadIfChanged).subscribeOn(Schedulers.boundedElastic());
    }
}
