package org.wedops.health.classification;

import java.util.List;

import org.wedops.events.HealthStatus;

/** A status and the reasons that led to it, e.g. CRITICAL because "HTTP 500". */
public record Classification(HealthStatus status, List<String> reasons) {
}
