package org.wedops.gateway.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.TestTokens;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's {@code GET /api/audit} against five stand-in services: two answer pages, one answers too late, one
 * answers 500 and one is not there at all. The answer merges the two pages by time and names the other three as
 * missing, within the timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.security.scrape-token=" + TestTokens.SCRAPE_TOKEN,
        "wedops.gateway.audit-trail.timeout=700ms"})
@AutoConfigureWebTestClient
class AuditTrailIT {

    private static final Instant T = Instant.parse("2026-06-06T14:00:00Z");
    private static final Map<String, String> queries = new ConcurrentHashMap<>();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    private static final HttpServer healthCollector = standIn("health-collector", 200, Duration.ZERO, """
            {"entries":[{"id":7,"at":"2026-06-06T14:00:03Z","actor":"alice","action":"target.register","target":"crm-api",
                         "reason":"new CRM","outcome":"REGISTERED http://crm/health"}]}""");
    private static final HttpServer alertRouter = standIn("alert-router", 200, Duration.ZERO, """
            {"entries":[{"id":12,"at":"2026-06-06T14:00:05Z","actor":"alice","action":"routing.reload","target":"routing",
                         "reason":null,"outcome":"APPLIED"},
                        {"id":11,"at":"2026-06-06T14:00:01Z","actor":"alice","action":"silence.create","target":"s-1",
                         "reason":"venue maintenance","outcome":"CREATED"}]}""");
    private static final HttpServer scalingPlanner = standIn("scaling-planner", 200, Duration.ofSeconds(5), "{\"entries\":[]}");
    private static final HttpServer orchestrator = standIn("deployment-orchestrator", 500, Duration.ZERO, "{}");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("wedops.gateway.services.health-collector", () -> address(healthCollector));
        registry.add("wedops.gateway.services.alert-router", () -> address(alertRouter));
        registry.add("wedops.gateway.services.scaling-planner", () -> address(scalingPlanner));
        registry.add("wedops.gateway.services.deployment-orchestrator", () -> address(orchestrator));
        registry.add("wedops.gateway.services.apm-ingest", () -> "http://127.0.0.1:" + portNobodyListensOn());
    }

    @AfterAll
    static void stop() {
        List.of(healthCollector, alertRouter, scalingPlanner, orchestrator).forEach(server -> server.stop(0));
    }

    @Test
    void entriesOfEveryServiceAreMergedByTimeAndTheServicesThatDidNotAnswerAreNamed() {
        String token = TestTokens.withRoles("ADMIN");
        long started = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/audit?actor=alice&from=2026-06-06T00:00:00Z&limit=2").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].service").isEqualTo("alert-router")
                .jsonPath("$.entries[0].action").isEqualTo("routing.reload")
                .jsonPath("$.entries[1].service").isEqualTo("health-collector")
                .jsonPath("$.entries[1].actor").isEqualTo("alice")
                .jsonPath("$.entries[1].at").isEqualTo("2026-06-06T14:00:03Z")
                .jsonPath("$.missing.length()").isEqualTo(3)
                .jsonPath("$.missing[?(@.service == 'scaling-planner')].reason").isEqualTo("no answer within 700 ms")
                .jsonPath("$.missing[?(@.service == 'deployment-orchestrator')].reason").isEqualTo("answered HTTP 500")
                .jsonPath("$.missing[?(@.service == 'apm-ingest')].reason").value(reason -> assertThat(reason.toString()).contains("unreachable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a slow service costs the timeout, not its delay").isLessThan(Duration.ofSeconds(4));

        // every service was asked the same question, with the caller's own token (each service checks it again)
        assertThat(queries.get("health-collector")).contains("actor=alice", "from=2026-06-06T00:00:00Z", "limit=2");
        assertThat(queries.get("alert-router")).isEqualTo(queries.get("health-collector"));
        assertThat(tokens.get("alert-router")).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest(name = "{0} may not read the audit trail")
    @CsvSource({"VIEWER", "OPERATOR"})
    void theAuditTrailIsForAdminsOnly(String role) {
        web.get().uri("/api/audit").headers(h -> h.setBearerAuth(TestTokens.withRoles(role))).exchange().expectStatus().isForbidden();
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({"limit, 0", "limit, 501", "from, yesterday"})
    void aWrongFilterIsRefusedNamingTheFieldBeforeAnyServiceIsAsked(String field, String value) {
        web.get().uri("/api/audit?" + field + "=" + value).headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static HttpServer standIn(String service, int status, Duration delay, String body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/audit", exchange -> {
                queries.put(service, String.valueOf(exchange.getRequestURI().getRawQuery()));
                tokens.put(service, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
