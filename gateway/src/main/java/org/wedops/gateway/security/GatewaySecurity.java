package org.wedops.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.security.IngestEndpoints;

/**
 * The gateway validates tokens with the very rules every service applies (security-support's
 * {@code WedopsSecurityConfiguration}: reads need VIEWER, changes OPERATOR), so a request is refused at the door
 * rather than at the service. The ingest endpoints come from the route table: the gateway accepts ingest tokens
 * exactly where the route table says a service does.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    @Bean
    IngestEndpoints ingestEndpoints() {
        return new IngestEndpoints(RouteTable.ingestPaths());
    }
}
