package org.wedops.deploy.targethealth;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

@RestController
@RequiredArgsConstructor
class TargetHealthController {

    private final TargetHealthStore store;

    /** The health the orchestrator would verify a deployment against, per target. */
    @GetMapping("/api/admin/infrastructure/deployments/targets")
    Flux<TargetHealth> targets(@RequestParam(required = false) String service, @RequestParam(required = false) String region) {
        return store.all(service, region);
    }
}
