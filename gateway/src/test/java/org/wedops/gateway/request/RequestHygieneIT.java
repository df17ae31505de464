package org.wedops.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.wedops.gateway.GatewayAgainstStandIns;
import org.wedops.gateway.StandInServices;
import org.wedops.testsupport.TestTokens;

import reactor.core.publisher.Flux;

/** What the gateway does to every request and response besides routing: ids, body rules, headers, CORS. */
class RequestHygieneIT extends GatewayAgainstStandIns {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutAnIdGetsOneThatTheServiceAndTheClientBothSee() {
        String id = web.get().uri("/api/weddings?probe=" + UUID.randomUUID()).headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(RequestId.HEADER, UUID_PATTERN)
                .returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER);

        assertThat(standIns.withRequestId(id)).map(StandInServices.Received::service).contains("scaling-planner");
    }

    @Test
    void aSaneIdFromTheCallerIsKeptEndToEnd() {
        String id = "ci-job-4711.deploy:" + UUID.randomUUID();
        web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).header(RequestId.HEADER, id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch(RequestId.HEADER, id.replace(".", "\\.")); // exactly one value

        assertThat(standIns.withRequestId(id)).isPresent();
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        String forged = "x".repeat(200);
        web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).header(RequestId.HEADER, forged)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(RequestId.HEADER, UUID_PATTERN);
        web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).header(RequestId.HEADER, "a b;c=<d>")
                .exchange()
                .expectHeader().valueMatches(RequestId.HEADER, UUID_PATTERN);
    }

    @Test
    void refusalsCarryTheRequestIdToo() {
        web.post().uri("/api/alerts").header(RequestId.HEADER, "refused-1")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(RequestId.HEADER, "refused-1");
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheService() {
        String requestId = UUID.randomUUID().toString();
        web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).header(RequestId.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfSize(16 * 1024 + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("16384 bytes"));

        assertThat(standIns.withRequestId(requestId)).isEmpty();
    }

    @Test
    void aStreamedBodyWithoutALengthIsCountedAndCutAtTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 40)
                .map(i -> buffers.wrap(("{\"chunk\":\"" + "y".repeat(1000) + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        web.post().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("16384 bytes"));
    }

    @Test
    void ingestEndpointsTakeLargerBodies() {
        web.post().uri("/api/apm/samples").headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfSize(32 * 1024))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Stand-In", "apm-ingest");
    }

    @Test
    void aNonJsonBodyIs415AndNeverReachesTheService() {
        String requestId = UUID.randomUUID().toString();
        web.post().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).header(RequestId.HEADER, requestId)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("id=w-1")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(415)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("application/json").contains("text/plain"));
        web.put().uri("/api/weddings/w-1").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("id=w-1")
                .exchange()
                .expectStatus().isEqualTo(415);

        assertThat(standIns.withRequestId(requestId)).isEmpty();
    }

    @Test
    void jsonFlavoursAndBodilessChangesPass() {
        web.patch().uri("/api/weddings/w-1").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{\"guestCount\":650}")
                .exchange()
                .expectStatus().isOk();
        web.post().uri("/api/alerts/3f2a/ack").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Stand-In", "alert-router");
    }

    @Test
    void responsesCarrySecurityHeadersWhetherProxiedOrRefused() {
        web.get().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
        web.get().uri("/api/weddings")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void crossOriginAccessIsOffByDefault() {
        web.options().uri("/api/weddings")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.get().uri("/api/weddings").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void pathsNoServiceOwnsAre404Problems() {
        web.get().uri("/api/nobody-owns-this").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found");
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        return prefix + "z".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
