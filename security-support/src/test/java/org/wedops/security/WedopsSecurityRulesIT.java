package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.wedops.testsupport.TestTokens;


import reactor.core.publisher.Mono;

/**
 * The rules every service applies, on a minimal WebFlux application with one dummy API: what a request that bypasses
 * the gateway gets from any service.
 */
@SpringBootTest(classes = WedopsSecurityRulesIT.DummyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wedops.security.mode=local", "wedops.security.jwt-secret=" + TestTokens.SECRET})
@AutoConfigureWebTestClient
class WedopsSecurityRulesIT {

    @Autowired
    WebTestClient web;

    @Test
    void aRequestWithoutATokenIsRefusedWith401ProblemAndABearerChallenge() {
        web.get().uri("/api/things").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("bearer token"));
    }

    @Test
    void anExpiredTokenIsRefusedWith401SayingItExpired() {
        get("/api/things", TestTokens.expired("ADMIN"))
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).containsIgnoringCase("expired"));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedWith401() {
        get("/api/things", TestTokens.signedWith("another-secret-of-at-least-32-bytes!!", "ADMIN"))
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void readsNeedViewerAndChangesNeedOperator() {
        get("/api/things", TestTokens.withRoles("VIEWER")).expectStatus().isOk();
        post("/api/things", TestTokens.withRoles("VIEWER"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("POST /api/things"));
        post("/api/things", TestTokens.withRoles("OPERATOR")).expectStatus().isOk();
        web.delete().uri("/api/things").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aHigherRoleIncludesTheLowerOnes() {
        get("/api/things", TestTokens.withRoles("ADMIN")).expectStatus().isOk();
        post("/api/things", TestTokens.withRoles("ADMIN")).expectStatus().isOk();
    }

    @Test
    void adminOnlyActionsRefuseOperatorsWithTheSameProblem() {
        post("/api/things/override", TestTokens.withRoles("OPERATOR"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/things/override", TestTokens.withRoles("ADMIN")).expectStatus().isOk();
    }

    @Test
    void anIngestTokenIsAcceptedOnlyOnTheIngestEndpoints() {
        post("/api/samples", TestTokens.ingest()).expectStatus().isOk();
        post("/api/samples", TestTokens.withRoles("OPERATOR")).expectStatus().isOk();
        post("/api/samples", TestTokens.withRoles("VIEWER")).expectStatus().isForbidden();
        get("/api/samples", TestTokens.ingest()).expectStatus().isForbidden();
        get("/api/things", TestTokens.ingest()).expectStatus().isForbidden();
        post("/api/things", TestTokens.ingest()).expectStatus().isForbidden();
    }

    @Test
    void docsAreOpenSoAMissingDocumentIsNotFoundRatherThanUnauthorized() {
        web.get().uri("/v3/api-docs/nothing-here").exchange().expectStatus().isNotFound();
    }

    @Test
    void theAuthenticatedSubjectIsLeftOnTheExchange() {
        get("/api/whoami", TestTokens.withRoles("VIEWER")).expectStatus().isOk()
                .expectBody().jsonPath("$.principal").isEqualTo("test-user");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        get("/api/things", TestTokens.withRoles("VIEWER")).expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
        web.get().uri("/api/things").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    /** A token as a real issuer mints it (issued, then expired an hour later), signed with the trusted secret. */
    private WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String token) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(DummyApi.class)
    static class DummyService {

        @Bean
        IngestEndpoints ingestEndpoints() {
            return new IngestEndpoints(List.of("/api/samples"));
        }
    }

    @RestController
    static class DummyApi {

        @GetMapping("/api/things")
        Mono<List<String>> things() {
            return Mono.just(List.of("a"));
        }

        @PostMapping("/api/things")
        Mono<Map<String, String>> change() {
            return Mono.just(Map.of("changed", "yes"));
        }

        @DeleteMapping("/api/things")
        Mono<Void> delete() {
            return Mono.empty();
        }

        @PreAuthorize("hasRole('ADMIN')")
        @PostMapping("/api/things/override")
        Mono<Map<String, String>> override() {
            return Mono.just(Map.of("overridden", "yes"));
        }

        @GetMapping("/api/samples")
        Mono<List<String>> samples() {
            return Mono.just(List.of());
        }

        @PostMapping("/api/samples")
        Mono<Map<String, Integer>> ingest() {
            return Mono.just(Map.of("accepted", 0));
        }

        @GetMapping("/api/whoami")
        Mono<Map<String, String>> whoami(ServerWebExchange exchange) {
            return Mono.just(Map.of("principal", AuthenticatedPrincipal.of(exchange).orElse("nobody")));
        }
    }
}
