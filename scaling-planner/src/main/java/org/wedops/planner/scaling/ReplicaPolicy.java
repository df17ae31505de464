package org.wedops.planner.scaling;

import org.wedops.events.ProtectionLevel;

/**
 * How many replicas one managed service needs, DESIGN.md's defaults: NORMAL 10, HIGH 35, MAXIMUM 50, never below 20
 * while EMERGENCY, and a peak-season baseline of NORMAL × 2.5. The result is always within [min, max].
 *
 * @param requestsPerReplicaPerMinute what one replica serves comfortably; observed and forecast throughput above the
 *                                    level's floor needs {@code ceil(requests per minute / this)} replicas
 * @param extraPerUnhealthyTarget     replicas added for each of the service's targets reported unhealthy, to make up
 *                                    for the capacity they lost
 */
public record ReplicaPolicy(int minReplicas, int maxReplicas, int normal, int high, int maximum, int emergencyFloor,
                            double peakSeasonFactor, double requestsPerReplicaPerMinute, int extraPerUnhealthyTarget) {

    public ReplicaPolicy {
        if (minReplicas < 0 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException("replicas need 0 <= min <= max, not " + minReplicas + ".." + maxReplicas);
        }
        if (normal < 0 || high < normal || maximum < high || emergencyFloor < 0) {
            throw new IllegalArgumentException("replicas per level must grow: NORMAL <= HIGH <= MAXIMUM");
        }
        if (peakSeasonFactor < 1 || requestsPerReplicaPerMinute <= 0 || extraPerUnhealthyTarget < 0) {
            throw new IllegalArgumentException("peakSeasonFactor >= 1, requestsPerReplicaPerMinute > 0, extraPerUnhealthyTarget >= 0");
        }
    }

    public static ReplicaPolicy defaults() {
        return new ReplicaPolicy(2, 100, 10, 35, 50, 20, 2.5, 600, 1);
    }

    /** The floor protection sets, before throughput, health and clamps: the level's replicas, raised in peak season and emergency. */
    public int protectedFloor(ProtectionLevel baseLevel, boolean peakSeason, boolean emergency) {
        int floor = switch (baseLevel) {
            case MAXIMUM -> maximum;
            case HIGH -> high;
            default -> normal;
        };
        if (peakSeason) {
            floor = Math.max(floor, (int) Math.ceil(normal * peakSeasonFactor));
        }
        if (emergency) {
            floor = Math.max(floor, emergencyFloor);
        }
        return floor;
    }

    public int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }
}
