package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The identity provider is down (nothing listens where the issuer should be): a request with a token is answered
 * 503 problem+json with Retry-After — the token could not be checked — never a bare 500 and never a 401 that would
 * send people back to sign in. A request without a token is still 401.
 */
@SpringBootTest(classes = WedopsSecurityRulesIT.DummyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class UnreachableIssuerIT {

    static final LocalIssuer elsewhere = LocalIssuer.start();
    static final int closedPort = freePort();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void issuerSettings(DynamicPropertyRegistry registry) {
        registry.add("wedops.security.mode", () -> "issuer");
        registry.add("wedops.security.issuer-uri", () -> "http://127.0.0.1:" + closedPort + "/realms/wedops");
        registry.add("wedops.security.audience", () -> LocalIssuer.AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        elsewhere.close();
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseTheIssuerIsDownIsAnswered503WithRetryAfter() {
        web.get().uri("/api/things").headers(h -> h.setBearerAuth(elsewhere.token("VIEWER"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, ProblemAuthenticationFailureHandler.RETRY_AFTER_SECONDS)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("identity provider"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void aRequestWithoutATokenIsStill401() {
        web.get().uri("/api/things").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
