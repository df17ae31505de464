package org.wedops.deploy.gate;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.wedops.deploy.DeploymentOrchestratorProperties;
import org.wedops.deploy.DeploymentOrchestratorProperties.ServiceSettings;
import org.wedops.support.protection.ProtectionStates;

/** The gate applied to a configured service: its budget from configuration, its region's state from ops.protection.v1. */
@Component
public class Gatekeeper {

    private final ProtectionStates protection;
    private final DeploymentOrchestratorProperties properties;
    private final DeploymentGate gate;

    Gatekeeper(ProtectionStates protection, DeploymentOrchestratorProperties properties, Clock clock) {
        this.protection = protection;
        this.properties = properties;
        this.gate = new DeploymentGate(clock);
    }

    public GateDecision decide(String service, String region) {
        return gate.decide(protection.protection(region), budget(service));
    }

    public DeploymentBudget budget(String service) {
        ServiceSettings settings = properties.service(service);
        Duration verification = properties.verification().window();
        if (settings == null) {
            return new DeploymentBudget(Duration.ZERO, Duration.ZERO, verification, Duration.ZERO);
        }
        return new DeploymentBudget(settings.migrationEstimate(), settings.rolloutEstimate(), verification, settings.rollbackEstimate());
    }
}
