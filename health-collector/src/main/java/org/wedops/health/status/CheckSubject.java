package org.wedops.health.status;

import org.wedops.events.HealthSource;

/** What was checked: an HTTP target, a Docker container or a Kubernetes pod, under one id. */
public record CheckSubject(String id, String service, String region, HealthSource source) {
}
