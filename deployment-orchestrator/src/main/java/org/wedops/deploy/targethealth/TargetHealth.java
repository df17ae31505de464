package org.wedops.deploy.targethealth;

import java.time.Instant;
import java.util.List;

/**
 * The latest health check of one target, as {@code GET /api/admin/infrastructure/deployments/targets} shows it.
 *
 * @param stale whether the check is older than {@code wedops.deploy.health-stale-after}
 */
public record TargetHealth(String targetId, String service, String region, String status, List<String> reasons,
                           Instant checkedAt, boolean stale) {
}
