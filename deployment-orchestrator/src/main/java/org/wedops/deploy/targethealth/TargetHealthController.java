package org.wedops.deploy.targethealth;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

@RestController
class TargetHealthController {

    private final TargetHealthStore store;

    TargetHealthController(TargetHealthStore store) {
        this.store = store;
    }

    /** The health the orchestrator would verify a deployment against, per target. */
    @GetMapping("/api/admin/infrastructure/deployments/targets")
    Flux<TargetHealth> targets(@RequestParam(required = false) String service, @RequestParam(required = false) String region) {
        return store.all(service, region);
    }
}
