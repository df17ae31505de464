package org.wedops.gateway.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.TestTokens;

/**
 * With the actuator on a port of its own (as k8s/ runs every pod: MANAGEMENT_SERVER_PORT=9090, the port Prometheus
 * may reach), the same rules hold there: a port reachable from the monitoring namespace opens no more than the API
 * port would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.security.scrape-token=" + TestTokens.SCRAPE_TOKEN,
        "management.server.port=0"})
class ManagementPortIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void theActuatorPortAppliesTheSameRules() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();

        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        management.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.diskSpace").exists();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isOk();
    }
}
