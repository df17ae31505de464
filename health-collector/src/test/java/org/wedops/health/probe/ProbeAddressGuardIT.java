package org.wedops.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

import com.sun.net.httpserver.HttpServer;

/**
 * The collector as an attacker would use it to reach the cloud's metadata service or an internal endpoint. Only
 * 127.0.0.2 is allow-listed here; a "secret" server on 127.0.0.1 stands in for what must never be reached.
 */
// its own database: the other test contexts of this JVM allow loopback, and must neither probe this test's targets
// nor have theirs probed (and refused) by this one
@WedopsIntegrationTest(properties = {"spring.application.name=health-collector-ssrf",
        "wedops.health.tick=100ms", "wedops.health.confirmations=1", "wedops.health.probe.allowed-networks=127.0.0.2/32"})
class ProbeAddressGuardIT {

    private static final AtomicInteger secretRequests = new AtomicInteger();
    private static final AtomicInteger allowedRequests = new AtomicInteger();
    private static final HttpServer secret = server("127.0.0.1", "/latest/meta-data", exchange -> {
        secretRequests.incrementAndGet();
        return 200;
    });
    private static final HttpServer allowed = server("127.0.0.2", "/", exchange -> {
        allowedRequests.incrementAndGet();
        if (exchange.getRequestURI().getPath().equals("/redirect")) {
            exchange.getResponseHeaders().add("Location", secretUrl());
            return 302;
        }
        return 200;
    });

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void configuredTarget(DynamicPropertyRegistry registry) {
        // configuration is not registration: a target listed here is judged only by the probe, at every connection
        registry.add("wedops.health.targets[0].id", () -> "configured-secret");
        registry.add("wedops.health.targets[0].url", ProbeAddressGuardIT::secretUrl);
        registry.add("wedops.health.targets[0].service", () -> "metadata");
        registry.add("wedops.health.targets[0].region", () -> "uk");
        registry.add("wedops.health.targets[0].interval-seconds", () -> "1");
        registry.add("wedops.health.targets[0].timeout-ms", () -> "500");
    }

    @AfterAll
    static void stopServers() {
        secret.stop(0);
        allowed.stop(0);
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/, link-local",
            "http://127.0.0.1:{secret}/latest/meta-data,                        loopback",
            "http://[::1]:{secret}/latest/meta-data,                            loopback",
            "http://localhost:{secret}/latest/meta-data,                        loopback",
            "http://[::ffff:169.254.169.254]/latest/meta-data,                  link-local",
            "http://10.0.0.1/internal,                                          private"})
    void registeringAnInternalAddressIsRefusedNamingTheUrlAndAudited(String url, String kind) {
        String id = "ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        String target = url.replace("{secret}", String.valueOf(secret.getAddress().getPort()));

        register(id, target).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains(kind + " address"));

        web.get().uri("/api/admin/infrastructure/targets").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
        web.get().uri("/api/audit?action=target.register&limit=500").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[?(@.target == '" + id + "')].actor").isEqualTo("test-user")
                .jsonPath("$.entries[?(@.target == '" + id + "')].reason").isEqualTo("probe the metadata service")
                .jsonPath("$.entries[?(@.target == '" + id + "')].outcome").value(outcome -> assertThat(only(outcome)).startsWith("REFUSED: "));
        assertThat(secretRequests).hasValue(0);
    }

    @Test
    void aRedirectFromAnAllowedTargetToARefusedAddressIsNotFollowed() {
        String id = "redirecting-" + UUID.randomUUID().toString().substring(0, 8);
        int before = allowedRequests.get();
        register(id, "http://127.0.0.2:" + allowed.getAddress().getPort() + "/redirect").expectStatus().isCreated();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> allowedRequests.get() >= before + 3);
            assertThat(secretRequests).as("requests that reached the refused address").hasValue(0);
        } finally {
            delete(id).expectStatus().isNoContent();
        }
    }

    @Test
    void aConfiguredTargetOnARefusedAddressIsNeverConnectedToAndReportsWhy() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/admin/infrastructure/containers?service=metadata")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'configured-secret')].status").isEqualTo("CRITICAL")
                .jsonPath("$[?(@.id == 'configured-secret')].reasons[0]").value(reason ->
                        assertThat(only(reason)).startsWith("address refused: ").contains("loopback")));
        assertThat(secretRequests).hasValue(0);
    }

    @Test
    void anAllowListedTargetIsRegisteredProbedAndItsRemovalAudited() {
        String id = "allowed-" + UUID.randomUUID().toString().substring(0, 8);
        int before = allowedRequests.get();
        register(id, "http://127.0.0.2:" + allowed.getAddress().getPort() + "/health").expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).until(() -> allowedRequests.get() > before);

        web.delete().uri("/api/admin/infrastructure/targets/" + id + "?reason=decommissioned")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange().expectStatus().isNoContent();

        web.get().uri("/api/audit?actor=test-user&limit=500").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[?(@.target == '" + id + "' && @.action == 'target.register')].outcome")
                .value(outcome -> assertThat(only(outcome)).startsWith("REGISTERED http://127.0.0.2:"))
                .jsonPath("$.entries[?(@.target == '" + id + "' && @.action == 'target.delete')].reason").isEqualTo("decommissioned")
                .jsonPath("$.entries[?(@.target == '" + id + "' && @.action == 'target.delete')].outcome")
                .value(outcome -> assertThat(only(outcome)).startsWith("DELETED "));
    }

    @ParameterizedTest(name = "{0} may not read the audit trail")
    @CsvSource({"VIEWER", "OPERATOR"})
    void theAuditTrailIsForAdminsOnly(String role) {
        web.get().uri("/api/audit").headers(h -> h.setBearerAuth(TestTokens.withRoles(role))).exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnboundedAuditPageIsRefusedNamingTheField() {
        web.get().uri("/api/audit?limit=100000").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    private WebTestClient.ResponseSpec register(String id, String url) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "url", url, "service", "ssrf", "region", "uk",
                "intervalSeconds", 1, "timeoutMs", 500, "reason", "probe the metadata service"));
        return web.post().uri("/api/admin/infrastructure/targets").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String id) {
        return web.delete().uri("/api/admin/infrastructure/targets/" + id).headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange();
    }

    /** A JSONPath filter answers a list; exactly one match is expected. */
    private static String only(Object matches) {
        assertThat(matches).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
        return String.valueOf(((java.util.List<?>) matches).get(0));
    }

    private static String secretUrl() {
        return "http://127.0.0.1:" + secret.getAddress().getPort() + "/latest/meta-data";
    }

    private interface Answer {
        int status(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    private static HttpServer server(String address, String path, Answer answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            server.createContext(path, exchange -> {
                int status = answer.status(exchange);
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
