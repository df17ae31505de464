package org.wedops.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.gateway.GatewayAgainstStandIns;
import org.wedops.gateway.GatewayTokens;
import org.wedops.gateway.StandInServices;
import org.wedops.testsupport.TestTokens;

/**
 * Every role boundary on every route, generated from {@link RouteTable#ROUTES}: a route added to the table is
 * walked here without anyone writing a test for it. Each refusal is problem+json and never reaches the service;
 * each allowed call reaches the stand-in of the service that owns the path.
 */
class RouteSecurityIT extends GatewayAgainstStandIns {

    @TestFactory
    Stream<DynamicNode> everyRouteRefusesMissingBadAndInsufficientTokensAndLetsAllowedOnesThrough() {
        return RouteTable.ROUTES.stream().map(route -> dynamicContainer(route.service(),
                examplePaths(route).stream().map(path -> dynamicContainer(path, boundaries(route, path)))));
    }

    /** A concrete path for each pattern of the route, and each of its ingest endpoints. */
    static Set<String> examplePaths(RouteTable.ServiceRoute route) {
        Set<String> paths = new LinkedHashSet<>();
        route.paths().forEach(pattern -> paths.add(pattern.replace("/**", "/example-1")));
        paths.addAll(route.ingestPaths());
        return paths;
    }

    private Stream<DynamicTest> boundaries(RouteTable.ServiceRoute route, String path) {
        String service = route.service();
        List<DynamicTest> tests = new ArrayList<>(List.of(
                refused("GET without a token", HttpMethod.GET, path, () -> null, 401),
                refused("POST without a token", HttpMethod.POST, path, () -> null, 401),
                refused("GET with an expired token", HttpMethod.GET, path, () -> TestTokens.expired("ADMIN"), 401),
                refused("POST with an expired token", HttpMethod.POST, path, () -> TestTokens.expired("ADMIN"), 401),
                refused("GET with TestTokens.expired", HttpMethod.GET, path, () -> TestTokens.expired("ADMIN"), 401),
                refused("GET signed with another secret", HttpMethod.GET, path,
                        () -> TestTokens.signedWith(GatewayTokens.OTHER_SECRET, "ADMIN"), 401),
                refused("POST signed with another secret", HttpMethod.POST, path,
                        () -> TestTokens.signedWith(GatewayTokens.OTHER_SECRET, "ADMIN"), 401),
                refused("GET with a token without roles", HttpMethod.GET, path, TestTokens::withRoles, 403),
                refused("POST as VIEWER", HttpMethod.POST, path, () -> TestTokens.withRoles("VIEWER"), 403),
                refused("PUT as VIEWER", HttpMethod.PUT, path, () -> TestTokens.withRoles("VIEWER"), 403),
                refused("PATCH as VIEWER", HttpMethod.PATCH, path, () -> TestTokens.withRoles("VIEWER"), 403),
                refused("DELETE as VIEWER", HttpMethod.DELETE, path, () -> TestTokens.withRoles("VIEWER"), 403),
                refused("GET with an ingest token", HttpMethod.GET, path, TestTokens::ingest, 403),
                reaches("GET as VIEWER", HttpMethod.GET, path, () -> TestTokens.withRoles("VIEWER"), service),
                reaches("POST as OPERATOR", HttpMethod.POST, path, () -> TestTokens.withRoles("OPERATOR"), service),
                reaches("DELETE as ADMIN", HttpMethod.DELETE, path, () -> TestTokens.withRoles("ADMIN"), service)));
        tests.add(route.ingestPaths().contains(path)
                ? reaches("POST with an ingest token (ingest endpoint)", HttpMethod.POST, path, TestTokens::ingest, service)
                : refused("POST with an ingest token (admin route)", HttpMethod.POST, path, TestTokens::ingest, 403));
        return tests.stream();
    }

    private DynamicTest refused(String name, HttpMethod method, String path, Supplier<String> token, int status) {
        return dynamicTest(name + " -> " + status, () -> {
            String requestId = UUID.randomUUID().toString();
            WebTestClient.ResponseSpec response = send(method, path, token.get(), requestId)
                    .expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer"));
            response.expectBody()
                    .jsonPath("$.status").isEqualTo(status)
                    .jsonPath("$.title").isNotEmpty()
                    .jsonPath("$.detail").isNotEmpty()
                    .jsonPath("$.type").isEqualTo("about:blank");
            assertThat(standIns.withRequestId(requestId)).as("the service must never see a refused request").isEmpty();
        });
    }

    private DynamicTest reaches(String name, HttpMethod method, String path, Supplier<String> token, String service) {
        return dynamicTest(name + " -> reaches " + service, () -> {
            String requestId = UUID.randomUUID().toString();
            String bearer = token.get();
            send(method, path, bearer, requestId)
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Stand-In", service);
            StandInServices.Received received = standIns.withRequestId(requestId).orElseThrow();
            assertThat(received.service()).isEqualTo(service);
            assertThat(received.method()).isEqualTo(method.name());
            assertThat(received.path()).isEqualTo(path);
            // the service validates the token again: it must get it as sent
            assertThat(received.header(HttpHeaders.AUTHORIZATION)).contains("Bearer " + bearer);
        });
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String requestId) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path)
                .headers(headers -> {
                    headers.set("X-Request-Id", requestId);
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                });
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"id\":\"x\"}").exchange();
    }
}
