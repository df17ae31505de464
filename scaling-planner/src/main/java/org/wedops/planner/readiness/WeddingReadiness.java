package org.wedops.planner.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.wedops.events.ProtectionLevel;
import org.wedops.planner.deployments.DeploymentStatuses.PendingDeployment;
import org.wedops.planner.protection.Interval;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.WeddingTimes;
import org.wedops.planner.scaling.ReplicaPolicy;
import org.wedops.planner.targethealth.TargetHealthStore.UnhealthyTarget;

/**
 * Whether a region is ready for its weddings of a day: its managed services' replicas already at what the weddings'
 * windows need, no target unhealthy, no deployment still on its way. Plain rules; {@link ReadinessCheck} gathers the
 * facts. The window is the weddings' freeze windows together: it depends on their times only, never on their weight
 * in the load (guests, culture factor), which is why no factor is asked for.
 */
public final class WeddingReadiness {

    private WeddingReadiness() {
    }

    /** One managed service: its replicas now, what the window needs, and whether it already has them. */
    public record ServiceReadiness(String service, int currentReplicas, int requiredReplicas, boolean preScaled) {

        public static ServiceReadiness of(String service, int currentReplicas, int requiredReplicas) {
            return new ServiceReadiness(service, currentReplicas, requiredReplicas, currentReplicas >= requiredReplicas);
        }
    }

    /** From the first wedding's freeze window start to the last one's end. */
    public static Interval window(Collection<WeddingTimes> weddings, Duration before, Duration after) {
        Instant start = null;
        Instant end = null;
        for (WeddingTimes wedding : weddings) {
            Interval window = wedding.freezeWindow(before, after);
            start = start == null || window.start().isBefore(start) ? window.start() : start;
            end = end == null || window.end().isAfter(end) ? window.end() : end;
        }
        return new Interval(start, end);
    }

    /** The highest level over the window's stretches; NORMAL when none is known. */
    public static ProtectionLevel highestLevel(List<Protection> stretches) {
        return stretches.stream().map(Protection::level).max(Enum::compareTo).orElse(ProtectionLevel.NORMAL);
    }

    /** Replicas the window needs: the highest protected floor over its stretches (NORMAL's without any), within min and max. */
    public static int requiredReplicas(ReplicaPolicy policy, List<Protection> stretches) {
        int required = stretches.stream()
                .mapToInt(p -> policy.protectedFloor(p.baseLevel(), p.peakSeason(), p.emergency()))
                .max().orElse(policy.normal());
        return policy.clamp(required);
    }

    /** What keeps the region from being ready, one line each; empty when it is ready. */
    public static List<String> problems(List<ServiceReadiness> services, List<UnhealthyTarget> unhealthy, List<PendingDeployment> pending) {
        List<String> problems = new ArrayList<>();
        services.stream().filter(s -> !s.preScaled()).forEach(s -> problems.add(s.service() + " has "
                + s.currentReplicas() + " replicas, the window needs " + s.requiredReplicas()));
        unhealthy.forEach(t -> problems.add(t.targetId() + " is " + t.status()));
        pending.forEach(d -> problems.add("deployment " + d.deploymentId() + " of " + d.service() + " is " + d.phase()));
        return problems;
    }
}
