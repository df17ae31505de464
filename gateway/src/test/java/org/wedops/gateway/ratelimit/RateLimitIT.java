package org.wedops.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.gateway.StandInServices;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.testsupport.TestTokens;

/**
 * Budgets of 3 admin calls and 5 ingest posts a minute, per client and route. Each test uses routes no other test
 * of this class touches, so the order they run in does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.gateway.rate-limit.api.requests=3",
        "wedops.gateway.rate-limit.api.per=1m",
        "wedops.gateway.rate-limit.ingest.requests=5",
        "wedops.gateway.rate-limit.ingest.per=1m"})
@AutoConfigureWebTestClient
class RateLimitIT {

    private static final List<String> SERVICES = RouteTable.ROUTES.stream().map(RouteTable.ServiceRoute::service).toList();
    private static final StandInServices standIns = StandInServices.start(SERVICES, List.of());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void serviceAddresses(DynamicPropertyRegistry registry) {
        standIns.register(registry, SERVICES);
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterAndTheServiceNeverSeesTheRequest() {
        for (int call = 1; call <= 3; call++) {
            alerts().exchange().expectStatus().isOk();
        }
        String requestId = UUID.randomUUID().toString();
        alerts().header("X-Request-Id", requestId).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // 3 a minute refill one every 20 s
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.route").isEqualTo("alert-router")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("3 requests per 1m"));

        assertThat(standIns.withRequestId(requestId)).isEmpty();
    }

    @Test
    void budgetsArePerRoute() {
        for (int call = 1; call <= 3; call++) {
            get("/api/weddings", "VIEWER").expectStatus().isOk();
        }
        get("/api/weddings", "VIEWER").expectStatus().isEqualTo(429);
        get("/api/admin/infrastructure/deployments", "VIEWER").expectStatus().isOk();
    }

    @Test
    void ingestPostsDrawOnTheirOwnLargerBudget() {
        for (int call = 1; call <= 3; call++) {
            get("/api/apm/metrics", "VIEWER").expectStatus().isOk();
        }
        get("/api/apm/metrics", "VIEWER").expectStatus().isEqualTo(429);

        for (int post = 1; post <= 5; post++) {
            ingest().expectStatus().isOk();
        }
        ingest().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void withoutATokenTheClientIsItsAddress() {
        for (int call = 1; call <= 3; call++) {
            web.get().uri("/v3/api-docs/health-collector").exchange().expectStatus().isOk();
        }
        web.get().uri("/v3/api-docs/health-collector").exchange().expectStatus().isEqualTo(429);
    }

    private WebTestClient.RequestHeadersSpec<?> alerts() {
        return web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"VenueWifiDown\"}");
    }

    private WebTestClient.ResponseSpec get(String path, String role) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.withRoles(role))).exchange();
    }

    private WebTestClient.ResponseSpec ingest() {
        return web.post().uri("/api/apm/samples").headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"samples\":[]}").exchange();
    }
}
