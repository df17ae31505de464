package org.wedops.support.audit;

import java.time.Instant;

/** One row of a service's {@code audit_log}: who did what to which thing, when, why, and with what outcome. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String reason, String outcome) {
}
