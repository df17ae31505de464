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
import org.wedops.gateway.GatewayTokens;
import org.wedops.gateway.StandInServices;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.testsupport.TestTokens;

/**
 * A token guesser against the gateway: each refused token draws on its address's budget (3 a minute here), and once
 * that is spent the address gets 429 before any token it sends is looked at — a right guess included, so guessing
 * gains nothing — while health probes (without a token) still answer. Its own context: the test spends the budget of 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.gateway.rate-limit.refused-tokens.requests=3",
        "wedops.gateway.rate-limit.refused-tokens.per=1m"})
@AutoConfigureWebTestClient
class RefusedTokenLimitIT {

    private static final List<String> SERVICES = RouteTable.ROUTES.stream().map(RouteTable.ServiceRoute::service).toList();
    private static final StandInServices standIns = StandInServices.start(SERVICES, List.of());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void serviceAddresses(DynamicPropertyRegistry registry) {
        standIns.register(registry, SERVICES);
    }

    @Test
    void refusedTokensSpendTheAddressBudgetAndThenEvenAValidTokenWaits() {
        for (int guess = 1; guess <= 3; guess++) {
            alerts(TestTokens.signedWith(GatewayTokens.OTHER_SECRET, "ADMIN")).exchange().expectStatus().isUnauthorized();
        }
        alerts(TestTokens.signedWith(GatewayTokens.OTHER_SECRET, "ADMIN")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // 3 a minute refill one every 20 s
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("refused for their token"));

        String requestId = UUID.randomUUID().toString();
        alerts(TestTokens.withRoles("VIEWER")).header("X-Request-Id", requestId).exchange().expectStatus().isEqualTo(429);
        assertThat(standIns.withRequestId(requestId)).isEmpty();

        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.signedWith(GatewayTokens.OTHER_SECRET, "VIEWER")))
                .exchange().expectStatus().isEqualTo(429);
    }

    private WebTestClient.RequestHeadersSpec<?> alerts(String token) {
        return web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(token));
    }
}
