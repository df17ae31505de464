package org.wedops.planner;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wedops.planner.protection.ProtectionPolicy;
import org.wedops.planner.scaling.ReplicaPolicy;

/**
 * Settings of the scaling-planner. DESIGN.md's numbers are the defaults.
 *
 * @param defaultTimeZone     zone of a wedding whose event names none and whose region the {@code region} table does
 *                            not know yet; such a region is registered with this zone
 * @param defaultCalendarSpan days the wedding calendar shows when a query gives no {@code to}
 * @param maxCalendarSpan     longest range one calendar query may ask for, so a query cannot read the whole table
 * @param protection          the wedding-day rule in numbers and how often it is re-evaluated
 * @param scaling             managed services and how their replicas are decided and applied
 * @param forecast            the throughput forecast from past APM windows
 * @param lease               the lease that lets exactly one instance act
 */
@ConfigurationProperties("wedops.planner")
public record ScalingPlannerProperties(
        @DefaultValue("Europe/London") ZoneId defaultTimeZone,
        @DefaultValue("30d") Period defaultCalendarSpan,
        @DefaultValue("1y") Period maxCalendarSpan,
        @DefaultValue Protection protection,
        @DefaultValue Scaling scaling,
        @DefaultValue Forecast forecast,
        @DefaultValue Lease lease) {

    /**
     * @param freezeStartDay        day the weekly deployment freeze starts (Friday)
     * @param freezeStartTime       local time it starts (18:00)
     * @param freezeEndDay          day it ends (Monday)
     * @param freezeEndTime         local time it ends (06:00)
     * @param beforeWedding         freeze before a wedding's start (2 h)
     * @param afterWedding          freeze after a wedding's end (2 h)
     * @param peakSeasonFrom        first month of peak season (May)
     * @param peakSeasonTo          last month of peak season (October)
     * @param weddingDay            the day of the week that is HIGH all day with WEDDING_DAY thresholds (Saturday)
     * @param guestUnit             guests that weigh 1 in a wedding's guest factor: guest factor = guests / guestUnit (100)
     * @param highLoad              wedding load (Σ cultural factor × guest factor) from which the level is HIGH (5)
     * @param maximumLoad           wedding load from which the level is MAXIMUM (20)
     * @param peakSeasonMaximumLoad wedding load from which the level is MAXIMUM in peak season (10)
     * @param horizon               how far ahead the timeline is computed; at least a week, so freezes are seen whole
     * @param tick                  how often the clock is compared with the next boundary (1 s: a change is published within it)
     * @param resync                how often every region is recomputed even without a known change (edits by another instance)
     */
    public record Protection(
            @DefaultValue("FRIDAY") DayOfWeek freezeStartDay,
            @DefaultValue("18:00") LocalTime freezeStartTime,
            @DefaultValue("MONDAY") DayOfWeek freezeEndDay,
            @DefaultValue("06:00") LocalTime freezeEndTime,
            @DefaultValue("2h") Duration beforeWedding,
            @DefaultValue("2h") Duration afterWedding,
            @DefaultValue("MAY") Month peakSeasonFrom,
            @DefaultValue("OCTOBER") Month peakSeasonTo,
            @DefaultValue("SATURDAY") DayOfWeek weddingDay,
            @DefaultValue("100") int guestUnit,
            @DefaultValue("5") double highLoad,
            @DefaultValue("20") double maximumLoad,
            @DefaultValue("10") double peakSeasonMaximumLoad,
            @DefaultValue("14d") Duration horizon,
            @DefaultValue("1s") Duration tick,
            @DefaultValue("1m") Duration resync) {

        public ProtectionPolicy policy() {
            return new ProtectionPolicy(new ProtectionPolicy.WeeklyWindow(freezeStartDay, freezeStartTime, freezeEndDay, freezeEndTime),
                    beforeWedding, afterWedding, peakSeasonFrom, peakSeasonTo, weddingDay, guestUnit, highLoad, maximumLoad,
                    peakSeasonMaximumLoad);
        }
    }

    /**
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
    public record Scaling(
            @DefaultValue("false") boolean apply,
            @DefaultValue("SCALE") Mode mode,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("2h") Duration leadTime,
            @DefaultValue("15m") Duration scaleDownStabilisation,
            @DefaultValue("1h") Duration manualHold,
            @DefaultValue("5m") Duration unhealthyWithin,
            @DefaultValue List<ManagedService> services) {

        public enum Mode { SCALE, HPA_MIN_REPLICAS }
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

    /**
     * @param weeks         past weeks averaged per hour of the week (4)
     * @param backtestWeeks past weeks on which the forecast's error is measured (4)
     * @param retention     how long hourly throughput is kept
     * @param minuteRetention how long 1-minute windows are kept (they make replays count once)
     * @param observedWithin the window over which the recent throughput is read
     */
    public record Forecast(@DefaultValue("4") int weeks, @DefaultValue("4") int backtestWeeks, @DefaultValue("70d") Duration retention,
                           @DefaultValue("2d") Duration minuteRetention, @DefaultValue("10m") Duration observedWithin) {
    }

    /**
     * @param name       the lease row
     * @param duration   how long a lease lasts without renewal; another instance takes over after it runs out
     * @param renewEvery how often the holder renews (well within the duration) and others try to take it
     */
    public record Lease(@DefaultValue("scaling-planner") String name, @DefaultValue("30s") Duration duration,
                        @DefaultValue("10s") Duration renewEvery) {
    }
}
