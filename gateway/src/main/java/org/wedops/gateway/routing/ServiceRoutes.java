package org.wedops.gateway.routing;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service of the {@link RouteTable}, to its configured address. Headers, Authorization included, go
 * through untouched: every service validates the token itself.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, RoutingProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteTable.ServiceRoute route : RouteTable.ROUTES) {
            routes.route(route.service(), spec -> spec
                    .path(route.paths().toArray(String[]::new))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, properties.timeout().toMillis())
                    .metadata(RouteTable.SERVICE_METADATA, route.service())
                    .uri(properties.addressOf(route.service())));
        }
        return routes.build();
    }

    /** The service a matched route goes to. */
    static String serviceOf(Route route) {
        Object service = route.getMetadata().get(RouteTable.SERVICE_METADATA);
        return service != null ? service.toString() : route.getId();
    }
}
