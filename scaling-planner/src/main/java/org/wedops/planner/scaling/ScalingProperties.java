package org.wedops.planner.scaling;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Managed services and how their replicas are decided and applied. Every service's replica policy is built when
 * bound, so a bad number stops the planner at start-up with the property's name.
 *
 * @param apply                  whether decisions are applied to Kubernetes; false (dry run) only records and publishes them
 * @param mode                   SCALE sets a Deployment's replicas through its scale subresource; HPA_MIN_REPLICAS raises
 *                               the minReplicas of the HorizontalPodAutoscaler of the same name, leaving metric scaling above it alone
 * @param interval               how often every managed service is decided (also right after protection changes)
 * @param leadTime               how long before a protected stretch its replicas are in place (2 h before the first ceremony)
 * @param scaleDownStabilisation how long every recommendation must agree before a scale-down
 * @param manualHold             how long a manual replica count stands before automatic decisions resume
 * @param unhealthyWithin        a target counts as unhealthy when its latest check, this recent, was CRITICAL
 * @param services               the managed services
 */
@ConfigurationProperties("wedops.planner.scaling")
public record ScalingProperties(
        @DefaultValue("false") boolean apply,
        @DefaultValue("SCALE") Mode mode,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("2h") Duration leadTime,
        @DefaultValue("15m") Duration scaleDownStabilisation,
        @DefaultValue("1h") Duration manualHold,
        @DefaultValue("5m") Duration unhealthyWithin,
        @DefaultValue List<ManagedService> services) {

    public enum Mode { SCALE, HPA_MIN_REPLICAS }

    public ScalingProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("wedops.planner.scaling.interval must be positive, was " + interval);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            ManagedService service = services.get(i);
            String at = "wedops.planner.scaling.services[" + i + "]";
            if (service.name() == null || service.name().isBlank() || service.region() == null || service.region().isBlank()) {
                throw new IllegalArgumentException(at + ".name and .region are required");
            }
            if (!names.add(service.name())) {
                throw new IllegalArgumentException(at + ".name: " + service.name() + " is managed twice");
            }
            try {
                service.replicas().policy();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".replicas: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A service whose replicas the planner decides.
     *
     * @param name       the service, as in APM windows and health checks (the key of its ScalingDecisions)
     * @param region     the region whose protection applies to it
     * @param namespace  Kubernetes namespace of its Deployment (and HPA)
     * @param deployment name of its Deployment (and HPA); the service's name when empty
     * @param replicas   its replica numbers
     */
    public record ManagedService(String name, String region, @DefaultValue("default") String namespace, String deployment,
                                 @DefaultValue Replicas replicas) {

        public String deploymentName() {
            return deployment == null || deployment.isBlank() ? name : deployment;
        }
    }

    /**
     * @param min                         fewest replicas ever (2)
     * @param max                         most replicas ever (100)
     * @param normal                      replicas at NORMAL (10)
     * @param high                        replicas at HIGH (35)
     * @param maximum                     replicas at MAXIMUM (50)
     * @param emergencyFloor              fewest replicas while EMERGENCY (20)
     * @param peakSeasonFactor            peak-season baseline: NORMAL × this (2.5)
     * @param requestsPerReplicaPerMinute throughput one replica serves; more needs more replicas (600)
     * @param extraPerUnhealthyTarget     replicas added per unhealthy target of the service (1)
     */
    public record Replicas(@DefaultValue("2") int min, @DefaultValue("100") int max, @DefaultValue("10") int normal,
                           @DefaultValue("35") int high, @DefaultValue("50") int maximum, @DefaultValue("20") int emergencyFloor,
                           @DefaultValue("2.5") double peakSeasonFactor, @DefaultValue("600") double requestsPerReplicaPerMinute,
                           @DefaultValue("1") int extraPerUnhealthyTarget) {

        public ReplicaPolicy policy() {
            return new ReplicaPolicy(min, max, normal, high, maximum, emergencyFloor, peakSeasonFactor, requestsPerReplicaPerMinute,
                    extraPerUnhealthyTarget);
        }
    }
}
