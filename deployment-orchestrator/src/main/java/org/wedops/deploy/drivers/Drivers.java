package org.wedops.deploy.drivers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.wedops.deploy.drivers.DeployableServices.DriverKind;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The driver of each configured service, and the one way to call a driver: off the event loop, within the step's timeout. */
@Component
public class Drivers {

    private final Map<DriverKind, DeploymentDriver> byKind;
    private final DeployableServices properties;

    Drivers(List<KindedDriver> drivers, DeployableServices properties) {
        this.byKind = drivers.stream().collect(Collectors.toMap(KindedDriver::kind, Function.identity()));
        this.properties = properties;
    }

    /** A driver and the kind of runtime it deploys. */
    public interface KindedDriver extends DeploymentDriver {
        DriverKind kind();
    }

    public DeployTarget target(UUID deploymentId, String owner, String service, String environment, String region) {
        var settings = properties.service(service);
        if (settings == null) {
            throw new DriverFailure("service " + service + " has no deployment settings");
        }
        return new DeployTarget(deploymentId, owner, service, environment, region, settings);
    }

    public DeploymentDriver of(DeployTarget target) {
        DeploymentDriver driver = byKind.get(target.settings().driver());
        if (driver == null) {
            throw new DriverFailure("no " + target.settings().driver() + " driver is configured on this instance");
        }
        return driver;
    }

    /** Runs a blocking driver step on the bounded-elastic scheduler; cancelling interrupts it. */
    public <T> Mono<T> call(DeployTarget target, Callable<T> step) {
        return Mono.fromCallable(step).subscribeOn(Schedulers.boundedElastic())
                .timeout(target.settings().timeout(), Mono.error(() -> new DriverFailure("step timed out after " + target.settings().timeout())));
    }
}
