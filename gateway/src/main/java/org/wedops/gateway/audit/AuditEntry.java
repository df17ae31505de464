package org.wedops.gateway.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * One mutating request as the gateway saw it, refused ones included. The owning service records the domain side
 * (what changed, why); this is who tried what, through which route, and what came of it.
 *
 * @param principal the token's subject, or {@code anonymous} when there was no valid token
 * @param route     the route (service) the path belongs to, {@code -} when none does
 * @param status    the status the client got
 * @param duration  from the request's arrival to the response's first byte
 */
public record AuditEntry(Instant at, String principal, String method, String route, String path, int status,
                         String requestId, Duration duration) {
}
