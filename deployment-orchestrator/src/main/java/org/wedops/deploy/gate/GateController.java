package org.wedops.deploy.gate;

import java.time.Duration;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET …/deployments/gate}: "may I deploy this service to this environment and region now?" */
@RestController
@RequiredArgsConstructor
class GateController {

    private final Gatekeeper gatekeeper;

    /** DESIGN.md's fields first (allowed, reason, nextOpenAt), then the arithmetic behind them. */
    record GateAnswer(boolean allowed, String reason, Instant nextOpenAt, String service, String environment, String region,
                      Duration needs, Instant protectedFrom, Instant freezeUntil) {
    }

    @GetMapping("/api/admin/infrastructure/deployments/gate")
    GateAnswer gate(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
                    @RequestParam(required = false) String region) {
        GateDecision decision = gatekeeper.ask(service, region);
        return new GateAnswer(decision.allowed(), decision.reason(), decision.nextOpenAt(), service, environment, region, decision.needs(),
                decision.protectedFrom(), decision.freezeUntil());
    }
}
