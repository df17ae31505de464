package org.wedops.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway.
 *
 * @param services base address of every service the route table names (health-collector, deployment-orchestrator,
 *                 scaling-planner, apm-ingest, alert-router)
 * @param timeout  longest wait for a service's response; past it the client gets 504 naming the service
 */
@ConfigurationProperties("wedops.gateway")
public record GatewayProperties(
        @DefaultValue Map<String, URI> services,
        @DefaultValue("10s") Duration timeout) {

    /** The service's address; a route to a service with none configured is a start-up error, not a 404 later. */
    public URI addressOf(String service) {
        URI address = services.get(service);
        if (address == null) {
            throw new IllegalStateException("wedops.gateway.services." + service + " is not configured");
        }
        return address;
    }
}
