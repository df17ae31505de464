package org.wedops.deploy.gate;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.deploy.verification.VerificationProperties;
import org.wedops.deploy.drivers.DeployableServices.ServiceSettings;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.web.InvalidRequestException;

/** The gate applied to a configured service: its budget from configuration, its region's state from ops.protection.v1. */
@Component
public class Gatekeeper {

    private final ProtectionStates protection;
    private final DeployableServices properties;
    private final VerificationProperties verification;
    private final DeploymentGate gate;

    Gatekeeper(ProtectionStates protection, DeployableServices properties, VerificationProperties verification, Clock clock) {
        this.protection = protection;
        this.properties = properties;
        this.verification = verification;
        this.gate = new DeploymentGate(clock);
    }

    /** A caller's question: the service must be a deployable one and the region given, else a 400 naming the field. */
    GateDecision ask(String service, String region) {
        if (service == null || properties.service(service) == null) {
            throw new InvalidRequestException("service", "must be a deployable service; configured: " + properties.names());
        }
        if (region == null || region.isBlank()) {
            throw new InvalidRequestException("region", "is required");
        }
        return decide(service, region);
    }

    public GateDecision decide(String service, String region) {
        return gate.decide(protection.protection(region), budget(service));
    }

    public DeploymentBudget budget(String service) {
        ServiceSettings settings = properties.service(service);
        Duration verification = this.verification.window();
        if (settings == null) {
            return new DeploymentBudget(Duration.ZERO, Duration.ZERO, verification, Duration.ZERO);
        }
        return new DeploymentBudget(settings.migrationEstimate(), settings.rolloutEstimate(), verification, settings.rollbackEstimate());
    }
}
