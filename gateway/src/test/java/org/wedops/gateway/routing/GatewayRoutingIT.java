package org.wedops.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wedops.gateway.timeout=1s")
@AutoConfigureWebTestClient
class GatewayRoutingIT {

    /** What the stand-in service saw, by request path. */
    private static final Map<String, HttpExchange> received = new ConcurrentHashMap<>();
    private static final ExecutorService standInThreads = Executors.newCachedThreadPool();
    private static HttpServer standIn;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void serviceAddresses(DynamicPropertyRegistry registry) {
        String standInAddress = "http://127.0.0.1:" + standIn().getAddress().getPort();
        registry.add("wedops.gateway.services.scaling-planner", () -> standInAddress);
        registry.add("wedops.gateway.services.deployment-orchestrator", () -> standInAddress);
        registry.add("wedops.gateway.services.apm-ingest", () -> "http://127.0.0.1:" + portNobodyListensOn());
    }

    @AfterAll
    static void stopStandIn() {
        standIn.stop(0);
        standInThreads.shutdownNow();
    }

    @Test
    void aWeddingsRequestReachesTheScalingPlannerWithItsPathQueryAndAuthorization() {
        web.get().uri("/api/weddings?from=2026-06-06&region=uk")
                .header("Authorization", "Bearer some.jwt.token")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$[0].id").isEqualTo("w-123");

        HttpExchange seen = received.get("/api/weddings");
        assertThat(seen).isNotNull();
        assertThat(seen.getRequestURI().getRawQuery()).isEqualTo("from=2026-06-06&region=uk");
        assertThat(seen.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer some.jwt.token");
    }

    @Test
    void aServiceThatIsDownGives503ProblemNamingIt() {
        web.post().uri("/api/apm/samples")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"samples\":[]}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("apm-ingest")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("apm-ingest"));
    }

    @Test
    void aServiceSlowerThanTheTimeoutGives504ProblemNamingIt() {
        web.get().uri("/api/admin/infrastructure/deployments/slow")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("deployment-orchestrator");
    }

    @Test
    void healthIsExposedAndUnknownPathsAreNotRouted() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/api/nobody-owns-this").exchange().expectStatus().isNotFound();
    }

    private static synchronized HttpServer standIn() {
        if (standIn == null) {
            try {
                standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standIn.setExecutor(standInThreads);
            standIn.createContext("/api/weddings", exchange -> {
                received.put(exchange.getRequestURI().getPath(), exchange);
                respond(exchange, "[{\"id\":\"w-123\"}]");
            });
            standIn.createContext("/api/admin/infrastructure/deployments/slow", exchange -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, "{}");
            });
            standIn.start();
        }
        return standIn;
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
