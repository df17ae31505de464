package org.wedops.gateway.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which service owns which API paths, and which of them take emitters' ingest tokens: the gateway's whole routing,
 * in one place (DESIGN.md's API sketch). Security, rate limits, the aggregated API docs and the tests that walk
 * every route are all derived from this table, so a route added here gets all of them.
 */
public final class RouteTable {

    /**
     * @param service     the owning service; also the route id and the key of its address in {@code wedops.gateway.services}
     * @param paths       path patterns; a prefix is listed bare as well so that {@code /api/weddings} is routed like
     *                    {@code /api/weddings/w-1}
     * @param ingestPaths paths (within {@code paths}) where a POST with an ingest-scoped token is accepted and the
     *                    higher ingest rate limit applies
     */
    public record ServiceRoute(String service, List<String> paths, List<String> ingestPaths) {

        public ServiceRoute(String service, List<String> paths) {
            this(service, paths, List.of());
        }
    }

    /**
     * Route metadata naming the service a route goes to, for routes whose id is not the service (the API docs):
     * they share the service's circuit breaker, and their 503s name it.
     */
    public static final String SERVICE_METADATA = "wedops.service";

    public static final List<ServiceRoute> ROUTES = List.of(
            new ServiceRoute("health-collector", List.of(
                    "/api/admin/infrastructure/containers", "/api/admin/infrastructure/containers/**",
                    "/api/admin/infrastructure/targets", "/api/admin/infrastructure/targets/**")),
            new ServiceRoute("deployment-orchestrator", List.of(
                    "/api/admin/infrastructure/deployments", "/api/admin/infrastructure/deployments/**")),
            new ServiceRoute("scaling-planner", List.of(
                    "/api/weddings", "/api/weddings/**", "/api/infrastructure", "/api/infrastructure/**")),
            new ServiceRoute("apm-ingest", List.of("/api/apm", "/api/apm/**"), List.of("/api/apm/samples")),
            new ServiceRoute("alert-router", List.of(
                    "/api/alerts", "/api/alerts/**", "/api/emergency", "/api/emergency/**")));

    private static final Map<String, List<PathPattern>> PATTERNS_BY_SERVICE = ROUTES.stream()
            .collect(Collectors.toMap(ServiceRoute::service, route -> parse(route.paths()), (a, b) -> a, LinkedHashMap::new));

    private static final List<PathPattern> INGEST_PATTERNS = parse(ingestPaths());

    private RouteTable() {
    }

    /** The service a request path goes to, matched the way the gateway's Path predicate matches it. */
    public static Optional<String> serviceFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PATTERNS_BY_SERVICE.entrySet().stream()
                .filter(route -> route.getValue().stream().anyMatch(pattern -> pattern.matches(container)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every ingest endpoint of every service. */
    public static List<String> ingestPaths() {
        return ROUTES.stream().flatMap(route -> route.ingestPaths().stream()).toList();
    }

    /** Whether this request is an emitter's post to an ingest endpoint. */
    public static boolean isIngest(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return HttpMethod.POST.equals(method) && INGEST_PATTERNS.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
