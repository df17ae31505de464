package org.wedops.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/admin/infrastructure/containers              | health-collector
            /api/admin/infrastructure/containers/crm-api      | health-collector
            /api/admin/infrastructure/targets                 | health-collector
            /api/admin/infrastructure/targets/crm-api         | health-collector
            /api/admin/infrastructure/deployments             | deployment-orchestrator
            /api/admin/infrastructure/deployments/gate        | deployment-orchestrator
            /api/admin/infrastructure/deployments/targets     | deployment-orchestrator
            /api/weddings                                     | scaling-planner
            /api/weddings/w-123                               | scaling-planner
            /api/infrastructure/saturday-protection/status    | scaling-planner
            /api/apm/samples                                  | apm-ingest
            /api/apm/metrics                                  | apm-ingest
            /api/alerts                                       | alert-router
            /api/alerts/3f2a                                  | alert-router
            /api/emergency/stop                               | alert-router
            """)
    void everyApiPathOfTheDesignGoesToTheServiceThatOwnsIt(String path, String service) {
        assertThat(RouteTable.serviceFor(path)).contains(service);
    }

    @Test
    void pathsNoServiceOwnsAreNotRouted() {
        assertThat(RouteTable.serviceFor("/api/admin/infrastructure")).isEmpty();
        assertThat(RouteTable.serviceFor("/api/weddingsx")).isEmpty();
        assertThat(RouteTable.serviceFor("/actuator/health")).isEmpty();
    }

    @Test
    void onlyPostsToTheSampleEndpointAreIngest() {
        assertThat(RouteTable.isIngest(HttpMethod.POST, "/api/apm/samples")).isTrue();
        assertThat(RouteTable.isIngest(HttpMethod.GET, "/api/apm/samples")).isFalse();
        assertThat(RouteTable.isIngest(HttpMethod.POST, "/api/apm/metrics")).isFalse();
        assertThat(RouteTable.isIngest(HttpMethod.POST, "/api/alerts")).isFalse();
    }

    @Test
    void everyIngestEndpointIsRoutedToTheServiceThatDeclaresIt() {
        RouteTable.ROUTES.forEach(route -> route.ingestPaths().forEach(path ->
                assertThat(RouteTable.serviceFor(path)).as(path).contains(route.service())));
    }

    @Test
    void eachPathPatternBelongsToExactlyOneService() {
        RouteTable.ROUTES.forEach(route -> route.paths().forEach(pattern -> {
            String example = pattern.replace("/**", "/example");
            assertThat(RouteTable.serviceFor(example)).as(pattern).contains(route.service());
        }));
    }
}
