package org.wedops.deploy.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.deployment.PhaseChange;

/** A deployment as the API shows it; with its phases (each with when, who, why and how long it lasted) when read alone. */
public record DeploymentView(UUID id, String service, String environment, String region, String version, String previousVersion,
                             String phase, boolean emergency, String requestedBy, String reason, Instant createdAt, Instant updatedAt,
                             String detail, List<Phase> phases) {

    /** @param durationMs until the next phase began; null for the phase it is in */
    public record Phase(String phase, Instant at, String actor, String detail, Long durationMs) {
    }

    static DeploymentView of(Deployment d) {
        return of(d, null);
    }

    static DeploymentView of(Deployment d, List<PhaseChange> changes) {
        List<Phase> phases = null;
        if (changes != null) {
            phases = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                PhaseChange change = changes.get(i);
                Long lasted = i + 1 < changes.size() ? Duration.between(change.at(), changes.get(i + 1).at()).toMillis() : null;
                phases.add(new Phase(change.phase(), change.at(), change.actor(), change.detail(), lasted));
            }
        }
        return new DeploymentView(d.id(), d.service(), d.environment(), d.region(), d.version(), d.previousVersion(), d.phase().name(),
                d.emergency(), d.requestedBy(), d.reason(), d.createdAt(), d.updatedAt(), d.detail(), phases);
    }
}
