package org.wedops.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.gateway.StandInServices;
import org.wedops.testsupport.TestTokens;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Routing to real HTTP servers, and what a client gets when a service is down, slow or keeps failing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.gateway.timeout=1s",
        "wedops.gateway.circuit-breaker.minimum-number-of-calls=3",
        "wedops.gateway.circuit-breaker.sliding-window-size=3"})
@AutoConfigureWebTestClient
class GatewayRoutingIT {

    private static final List<String> SERVICES = RouteTable.ROUTES.stream().map(RouteTable.ServiceRoute::service).toList();
    /** apm-ingest and alert-router are down: nothing listens at their addresses. */
    private static final StandInServices standIns = StandInServices.start(SERVICES, List.of("apm-ingest", "alert-router"));

    @Autowired
    WebTestClient web;

    private final ListAppender<ILoggingEvent> downstreamLog = new ListAppender<>();

    @DynamicPropertySource
    static void serviceAddresses(DynamicPropertyRegistry registry) {
        standIns.slow("deployment-orchestrator", "/api/admin/infrastructure/deployments/slow", Duration.ofSeconds(3));
        standIns.register(registry, SERVICES);
    }

    @BeforeEach
    void captureDownstreamLog() {
        downstreamLog.start();
        ((Logger) LoggerFactory.getLogger(DownstreamProblemHandler.class)).addAppender(downstreamLog);
    }

    @AfterEach
    void releaseDownstreamLog() {
        ((Logger) LoggerFactory.getLogger(DownstreamProblemHandler.class)).detachAppender(downstreamLog);
    }

    @AfterAll
    static void stopStandIns() {
        standIns.stop();
    }

    @Test
    void aWeddingsRequestReachesTheScalingPlannerWithItsPathQueryAndAuthorization() {
        String token = TestTokens.withRoles("VIEWER");
        web.get().uri("/api/weddings?from=2026-06-06&region=uk")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Request-Id", "weddings-query-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("X-Stand-In", "scaling-planner")
                .expectBody().jsonPath("$.path").isEqualTo("/api/weddings");

        StandInServices.Received seen = standIns.withRequestId("weddings-query-1").orElseThrow();
        assertThat(seen.service()).isEqualTo("scaling-planner");
        assertThat(seen.query()).isEqualTo("from=2026-06-06&region=uk");
        assertThat(seen.header("Authorization")).contains("Bearer " + token);
    }

    @Test
    void aServiceThatIsDownGives503ProblemNamingIt() {
        web.post().uri("/api/apm/samples")
                .headers(h -> h.setBearerAuth(TestTokens.ingest()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"samples\":[]}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.service").isEqualTo("apm-ingest")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("apm-ingest"));
    }

    @Test
    void aServiceSlowerThanTheTimeoutGives504ProblemNamingIt() {
        web.get().uri("/api/admin/infrastructure/deployments/slow")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.service").isEqualTo("deployment-orchestrator");
    }

    @Test
    void aServiceThatKeepsFailingIsCutOffByItsCircuitBreakerAndAnswered503AtOnce() {
        for (int call = 0; call < 3; call++) {
            alertsAs("OPERATOR").expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("unavailable"));
        }
        alertsAs("OPERATOR").expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("alert-router")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("keeps failing"));
    }

    @Test
    void logLinesWrittenWhileHandlingARequestCarryItsRequestId() {
        web.get().uri("/api/apm/metrics")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER")))
                .header("X-Request-Id", "trace-me-42")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("X-Request-Id", "trace-me-42");

        assertThat(downstreamLog.list)
                .filteredOn(event -> event.getFormattedMessage().contains("/api/apm/metrics"))
                .singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "trace-me-42"));
    }

    @Test
    void healthIsOpenAndUnknownPathsAreNotRouted() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/api/nobody-owns-this").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private WebTestClient.ResponseSpec alertsAs(String role) {
        return web.post().uri("/api/alerts")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles(role)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"VenueWifiDown\"}")
                .exchange();
    }
}
