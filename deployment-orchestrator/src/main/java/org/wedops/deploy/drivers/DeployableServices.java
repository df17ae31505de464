package org.wedops.deploy.drivers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services this instance may deploy, each with its driver; a service not listed is refused.
 *
 * @param services by name
 */
@ConfigurationProperties("wedops.deploy")
public record DeployableServices(Map<String, ServiceSettings> services) {

    public DeployableServices {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach(DeployableServices::check);
    }

    /** A service that could never be deployed stops the start, naming the setting, rather than failing its first deployment. */
    private static void check(String name, ServiceSettings settings) {
        String prefix = "wedops.deploy.services." + name + ".";
        if (settings.driver() == null) {
            throw new IllegalArgumentException(prefix + "driver is required: one of " + List.of(DriverKind.values()));
        }
        if (settings.timeout().isNegative() || settings.timeout().isZero()) {
            throw new IllegalArgumentException(prefix + "timeout must be positive, was " + settings.timeout());
        }
        boolean described = switch (settings.driver()) {
            case COMMAND -> settings.command() != null && !settings.command().rollout().isEmpty();
            case KUBERNETES -> settings.kubernetes() != null && settings.kubernetes().deployment() != null && settings.kubernetes().image() != null;
            case DOCKER -> settings.docker() != null && settings.docker().image() != null && settings.docker().label() != null;
        };
        if (!described) {
            throw new IllegalArgumentException(prefix + settings.driver().name().toLowerCase(Locale.ROOT) + " is required for the "
                    + settings.driver() + " driver: " + switch (settings.driver()) {
                        case COMMAND -> "command.rollout";
                        case KUBERNETES -> "kubernetes.deployment and kubernetes.image";
                        case DOCKER -> "docker.image and docker.label";
                    });
        }
    }

    /** The service's settings; null when it is not deployable. */
    public ServiceSettings service(String name) {
        return services.get(name);
    }

    public Set<String> names() {
        return services.keySet();
    }

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
}
