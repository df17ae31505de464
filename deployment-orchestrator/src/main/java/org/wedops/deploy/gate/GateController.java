package org.wedops.deploy.gate;

import java.time.Duration;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.support.web.InvalidRequestException;

/** {@code GET …/deployments/gate}: "may I deploy this service to this environment and region now?" */
@RestController
class GateController {

    private final Gatekeeper gatekeeper;
    private final DeployableServices properties;

    GateController(Gatekeeper gatekeeper, DeployableServices properties) {
        this.gatekeeper = gatekeeper;
        this.properties = properties;
    }

    /** DESIGN.md's fields first (allowed, reason, nextOpenAt), then the arithmetic behind them. */
    record GateAnswer(boolean allowed, String reason, Instant nextOpenAt, String service, String environment, String region,
                      Duration needs, Instant protectedFrom, Instant freezeUntil) {
    }

    @GetMapping("/api/admin/infrastructure/deployments/gate")
    GateAnswer gate(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
                    @RequestParam(required = false) String region) {
        if (service == null || properties.service(service) == null) {
            throw new InvalidRequestException("service", "must be a deployable service; configured: " + properties.names());
        }
        if (region == null || region.isBlank()) {
            throw new InvalidRequestException("region", "is required");
        }
        GateDecision decision = gatekeeper.decide(service, region);
        return new GateAnswer(decision.allowed(), decision.reason(), decision.nextOpenAt(), service, environment, region, decision.needs(),
                decision.protectedFrom(), decision.freezeUntil());
    }
}
