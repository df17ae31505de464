package org.wedops.gateway.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which service owns which API paths: the gateway's whole routing, in one place (DESIGN.md's API sketch). */
public final class RouteTable {

    /**
     * @param service the owning service; also the route id and the key of its address in {@code wedops.gateway.services}
     * @param paths   path patterns; a prefix is listed bare as well so that {@code /api/weddings} is routed like
     *                {@code /api/weddings/w-1}
     */
    public record ServiceRoute(String service, List<String> paths) {
    }

    public static final List<ServiceRoute> ROUTES = List.of(
            new ServiceRoute("health-collector", List.of(
                    "/api/admin/infrastructure/containers", "/api/admin/infrastructure/containers/**",
                    "/api/admin/infrastructure/targets", "/api/admin/infrastructure/targets/**")),
            new ServiceRoute("deployment-orchestrator", List.of(
                    "/api/admin/infrastructure/deployments", "/api/admin/infrastructure/deployments/**")),
            new ServiceRoute("scaling-planner", List.of(
                    "/api/weddings", "/api/weddings/**", "/api/infrastructure", "/api/infrastructure/**")),
            new ServiceRoute("apm-ingest", List.of("/api/apm", "/api/apm/**")),
            new ServiceRoute("alert-router", List.of(
                    "/api/alerts", "/api/alerts/**", "/api/emergency", "/api/emergency/**")));

    private RouteTable() {
    }

    /** The service a request path goes to, matched the way the gateway's Path predicate matches it. */
    public static Optional<String> serviceFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return ROUTES.stream()
                .filter(route -> route.paths().stream()
                        .map(PathPatternParser.defaultInstance::parse)
                        .anyMatch((PathPattern pattern) -> pattern.matches(container)))
                .map(ServiceRoute::service)
                .findFirst();
    }
}
