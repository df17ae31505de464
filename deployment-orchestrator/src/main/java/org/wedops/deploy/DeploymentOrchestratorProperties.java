package org.wedops.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the deployment-orchestrator.
 *
 * @param healthStaleAfter a target whose latest health check is older than this is reported stale: its collector
 *                         has stopped reporting, so its last status says nothing about a deployment happening now
 * @param execution        how instances share and drive deployments
 * @param verification     how a rollout is judged against the pre-deploy baseline
 * @param emergencyOverrideValidFor how long an emergency override lets its deployment start inside a freeze
 * @param services         the services this instance may deploy, each with its driver; a service not listed is refused
 * @param environments     per-environment rules (promotion)
 */
@ConfigurationProperties("wedops.deploy")
public record DeploymentOrchestratorProperties(
        @DefaultValue("2m") Duration healthStaleAfter,
        @DefaultValue Execution execution,
        @DefaultValue Verification verification,
        @DefaultValue("1h") Duration emergencyOverrideValidFor,
        Map<String, ServiceSettings> services,
        Map<String, EnvironmentSettings> environments) {

    public DeploymentOrchestratorProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        environments = environments == null ? Map.of() : Map.copyOf(environments);
    }

    /**
     * @param lease       how long an instance owns a deployment without renewing; a dead instance's deployments are
     *                    taken over this long after it stopped
     * @param claimEvery  how often idle instances look for deployments to drive
     * @param concurrency deployments one instance drives at once
     */
    public record Execution(@DefaultValue("30s") Duration lease, @DefaultValue("1s") Duration claimEvery,
                            @DefaultValue("4") int concurrency) {
    }

    /**
     * @param window            how long a rollout (and a rollback) is watched before it counts as good
     * @param interval          time between two checks
     * @param emergencyInterval time between two checks of an emergency deployment (stricter)
     * @param confirmations     consecutive failed checks that roll back; an emergency deployment rolls back on the first
     * @param maxErrorRate      an error rate above this fails the check whatever the baseline
     * @param errorRateFactor   an error rate above baseline × this fails the check
     * @param latencyFactor     the p95 duration (of the windows' merged sketches) above baseline × this fails the check
     * @param baseline          how far back before the deployment the baseline windows are read
     * @param minimumRequests   fewer requests than this since the rollout say nothing about it: the check is unknown
     * @param insufficientDataWait how much longer than the window a watch waits for the minimum of requests before it
     *                          decides on too little data
     * @param insufficientDataOutsideProtectedWindows the decision on too little data outside protected windows: FAIL
     *                          (rolls back) unless PASS is configured, e.g. for an environment without traffic. Inside a
     *                          protected window (or with the region's protection unknown or stale, or for an emergency
     *                          deployment) too little data always fails: nothing unverified runs through a wedding.
     */
    public record Verification(@DefaultValue("5m") Duration window, @DefaultValue("5s") Duration interval,
                               @DefaultValue("2s") Duration emergencyInterval, @DefaultValue("2") int confirmations,
                               @DefaultValue("0.05") double maxErrorRate, @DefaultValue("2.0") double errorRateFactor,
                               @DefaultValue("2.0") double latencyFactor, @DefaultValue("30m") Duration baseline,
                               @DefaultValue("20") long minimumRequests, @DefaultValue("5m") Duration insufficientDataWait,
                               @DefaultValue("FAIL") InsufficientData insufficientDataOutsideProtectedWindows) {

        public Verification {
            positive("window", window);
            positive("interval", interval);
            positive("emergency-interval", emergencyInterval);
            if (insufficientDataWait.isNegative()) {
                throw new IllegalArgumentException("wedops.deploy.verification.insufficient-data-wait must not be negative, was "
                        + insufficientDataWait);
            }
            if (confirmations < 1 || minimumRequests < 1) {
                throw new IllegalArgumentException("wedops.deploy.verification.confirmations and minimum-requests must be at least 1, were "
                        + confirmations + " and " + minimumRequests);
            }
            if (!(maxErrorRate > 0 && maxErrorRate <= 1) || errorRateFactor < 1 || latencyFactor < 1) {
                throw new IllegalArgumentException("wedops.deploy.verification: max-error-rate must be in (0, 1] and the factors at least 1");
            }
        }

        private static void positive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("wedops.deploy.verification." + name + " must be positive, was " + value);
            }
        }
    }

    /** What verification decides when too few requests were seen to judge a rollout. */
    public enum InsufficientData { FAIL, PASS }

    public enum DriverKind { KUBERNETES, DOCKER, COMMAND }

    /**
     * @param driver            how this service is deployed
     * @param migrationEstimate how long its pre-deploy migration takes at most (zero: it has none); part of the gate's budget
     * @param rolloutEstimate   how long a rollout takes at most; part of the gate's budget
     * @param rollbackEstimate  how long a rollback takes at most; part of the gate's budget
     * @param timeout           a migration, rollout or rollback step running longer than this has failed
     */
    public record ServiceSettings(DriverKind driver, @DefaultValue("0s") Duration migrationEstimate,
                                  @DefaultValue("5m") Duration rolloutEstimate, @DefaultValue("5m") Duration rollbackEstimate,
                                  @DefaultValue("10m") Duration timeout, Command command, Kubernetes kubernetes, Docker docker) {
    }

    /**
     * A command template; the arguments {@code {service}}, {@code {environment}}, {@code {region}} and {@code {version}}
     * are replaced. Exit code 0 is success.
     *
     * @param rollout   deploys a version (a rollback runs it with the version to return to)
     * @param migration runs the pre-deploy migration of a version; empty: none
     */
    public record Command(List<String> rollout, List<String> migration) {

        public Command {
            rollout = rollout == null ? List.of() : List.copyOf(rollout);
            migration = migration == null ? List.of() : List.copyOf(migration);
        }
    }

    /**
     * @param namespace      namespace of the Deployment
     * @param deployment     name of the Deployment
     * @param container      container whose image is changed (default: the first)
     * @param image          image repository; the version is its tag
     * @param migrationImage image repository of the migration Job (version as tag); empty: no migration
     * @param poll           how often the rollout's status is read
     */
    public record Kubernetes(String namespace, String deployment, String container, String image, String migrationImage,
                             @DefaultValue("1s") Duration poll) {
    }

    /**
     * @param image     image repository; the version is its tag
     * @param label     the label that marks this service's containers, {@code key=value}
     * @param migration command run in a one-off container of the new image before the rollout; empty: none
     * @param poll      how often a new container's health is read
     */
    public record Docker(String image, String label, List<String> migration, @DefaultValue("500ms") Duration poll) {

        public Docker {
            migration = migration == null ? List.of() : List.copyOf(migration);
        }
    }

    /** @param requiresSuccessIn a version reaches this environment only after it SUCCEEDED there (e.g. prod after staging) */
    public record EnvironmentSettings(String requiresSuccessIn) {
    }

    public ServiceSettings service(String name) {
        return services.get(name);
    }
}
