package org.wedops.deploy.targethealth;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

@RestController
class TargetHealthController {

    private final TargetHealthStore store;
    private final TargetHealthProperties properties;
    private final Clock clock;

    TargetHealthController(TargetHealthStore store, TargetHealthProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The health the orchestrator would verify a deployment against, per target. */
    @GetMapping("/api/admin/infrastructure/deployments/targets")
    Flux<TargetHealth> targets(@RequestParam(required = false) String service, @RequestParam(required = false) String region) {
        return store.all(blankToNull(service), blankToNull(region), clock.instant().minus(properties.healthStaleAfter()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
