package org.wedops.planner.scaling;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wedops.planner.protection.Protection;

/**
 * Desired replicas of one service from what protection asks now and within the lead time (so replicas are up before
 * the first ceremony), from throughput observed and forecast, and from unhealthy targets; then whether to move
 * there now. Scale-ups happen at once; a scale-down never happens inside a protected window and only once every
 * recommendation over the stabilisation window agrees, so decisions do not flap.
 */
public final class ScalingRules {

    private ScalingRules() {
    }

    /**
     * @param now            the protection in force
     * @param ahead          every stretch of protection from now to now + lead time (now's included)
     * @param forecastPerMinute highest forecast requests per minute over the lead time; 0 without history
     * @param observedPerMinute requests per minute seen lately; 0 without data
     * @param unhealthyTargets  the service's targets in the region reported unhealthy lately
     */
    public record Inputs(Protection now, List<Protection> ahead, double forecastPerMinute, double observedPerMinute, int unhealthyTargets) {
    }

    /** @param floor the protected floor (clamped); nothing manual or automatic goes below it without an emergency */
    public record Recommendation(int desired, int floor, String reason, Map<String, String> inputs) {
    }

    /** @param to equal to from when nothing is to be done; reason says why in either case */
    public record Decision(int from, int to, String reason) {

        public boolean changes() {
            return from != to;
        }
    }

    public static Recommendation recommend(ReplicaPolicy policy, Inputs inputs) {
        Protection now = inputs.now();
        Protection highest = now;
        int floor = floorOf(policy, now);
        for (Protection stretch : inputs.ahead()) {
            int stretchFloor = floorOf(policy, stretch);
            if (stretchFloor > floor) {
                floor = stretchFloor;
                highest = stretch;
            }
        }
        double perMinute = Math.max(inputs.forecastPerMinute(), inputs.observedPerMinute());
        int forThroughput = (int) Math.ceil(perMinute / policy.requestsPerReplicaPerMinute());
        int forHealth = inputs.unhealthyTargets() * policy.extraPerUnhealthyTarget();
        int desired = policy.clamp(Math.max(floor, forThroughput) + forHealth);

        String reason;
        if (forThroughput > floor) {
            reason = String.format(Locale.ROOT, "throughput %.0f requests/min needs %d replicas", perMinute, forThroughput);
        } else if (highest != now) {
            reason = "pre-scale for " + highest.level() + " from " + DateTimeFormatter.ISO_INSTANT.format(highest.from()) + ": "
                    + String.join(", ", highest.reasons());
        } else {
            reason = "level " + now.level() + (now.reasons().isEmpty() ? "" : ": " + String.join(", ", now.reasons()));
        }
        if (forHealth > 0) {
            reason += "; +" + forHealth + " for " + inputs.unhealthyTargets() + " unhealthy target(s)";
        }

        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("level", now.level().name());
        recorded.put("peakSeason", Boolean.toString(now.peakSeason()));
        recorded.put("weddingLoad", Double.toString(now.weddingLoad()));
        recorded.put("protected", Boolean.toString(now.isProtected()));
        recorded.put("protectedFloor", Integer.toString(policy.clamp(floor)));
        recorded.put("floorLevel", highest.level().name());
        recorded.put("floorFrom", highest.from().toString());
        recorded.put("forecastPerMinute", format(inputs.forecastPerMinute()));
        recorded.put("observedPerMinute", format(inputs.observedPerMinute()));
        recorded.put("unhealthyTargets", Integer.toString(inputs.unhealthyTargets()));
        recorded.put("min", Integer.toString(policy.minReplicas()));
        recorded.put("max", Integer.toString(policy.maxReplicas()));
        return new Recommendation(desired, policy.clamp(floor), reason, Map.copyOf(recorded));
    }

    /**
     * @param highestRecent the highest recommendation over the stabilisation window, or null when the planner has
     *                      not watched the service for a whole window yet (a new leader waits before scaling down)
     */
    public static Decision decide(Recommendation recommendation, int current, boolean protectedNow, Integer highestRecent, Instant protectedUntil) {
        int desired = recommendation.desired();
        if (desired > current) {
            return new Decision(current, desired, recommendation.reason());
        }
        if (desired == current) {
            return new Decision(current, current, "at desired replicas");
        }
        if (protectedNow) {
            return new Decision(current, current, "scale-down held: protected window"
                    + (protectedUntil == null ? "" : " until " + DateTimeFormatter.ISO_INSTANT.format(protectedUntil)));
        }
        if (highestRecent == null) {
            return new Decision(current, current, "scale-down held: stabilising");
        }
        int target = Math.max(desired, highestRecent);
        if (target >= current) {
            return new Decision(current, current, "scale-down held: stabilising");
        }
        return new Decision(current, target, "scale down, stable for the stabilisation window: " + recommendation.reason());
    }

    private static int floorOf(ReplicaPolicy policy, Protection protection) {
        return policy.protectedFloor(protection.baseLevel(), protection.peakSeason(), protection.emergency());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
