package org.wedops.deploy.gate;

import java.time.Duration;
import java.time.Instant;

/**
 * The gate's answer. DESIGN.md's fields first.
 *
 * @param nextOpenAt     when the region opens again, if known (the end of the freeze in force); null when unknown
 * @param needs          the whole budget the deployment needs
 * @param protectedFrom  the earliest instant a protected window may begin, as far as the region's state says; null when none is known
 * @param freezeUntil    end of the freeze in force, when frozen
 */
public record GateDecision(boolean allowed, String reason, Instant nextOpenAt, Duration needs, Instant protectedFrom,
                           Instant freezeUntil) {
}
