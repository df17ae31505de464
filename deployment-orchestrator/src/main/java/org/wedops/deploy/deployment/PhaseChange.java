package org.wedops.deploy.deployment;

import java.time.Instant;

/** One recorded phase change: when, by whom, why. */
public record PhaseChange(String phase, Instant at, String actor, String detail) {
}
