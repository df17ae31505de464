package org.wedops.alert.lifecycle;

import java.time.Instant;

/**
 * What {@code GET /api/alerts} asks for; every criterion is optional.
 *
 * @param since alerts that changed (fired, fired again, were acknowledged or resolved) at or after this instant
 */
public record AlertQuery(AlertState state, String severity, String service, String region, Instant since, int limit) {
}
