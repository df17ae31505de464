package org.wedops.planner.protection;

import java.time.Instant;

/** An emergency declared by an ADMIN for a region: level EMERGENCY, deployments frozen, replicas floor raised. */
public record Emergency(String reason, String declaredBy, Instant since) {
}
