package org.wedops.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway routes: each service's address and how long it waits for it.
 *
 * @param services base address of every service the route table names (health-collector, deployment-orchestrator,
 *                 scaling-planner, apm-ingest, alert-router)
 * @param timeout  longest wait for a service's response; past it the client gets 504 naming the service
 */
@ConfigurationProperties("wedops.gateway")
public record RoutingProperties(
        @DefaultValue Map<String, URI> services,
        @DefaultValue("10s") Duration timeout) {

    public RoutingProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("wedops.gateway.timeout must be positive, got " + timeout);
        }
    }

    /** The service's address; a route to a service with none configured is a start-up error, not a 404 later. */
    public URI addressOf(String service) {
        URI address = services.get(service);
        if (address == null) {
            throw new IllegalStateException("wedops.gateway.services." + service + " is not configured");
        }
        return address;
    }
}
