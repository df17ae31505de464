package org.wedops.apm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * A service reached directly, without the gateway, as an attacker inside the network would: its probes tell anyone
 * UP or DOWN and nothing more; which database, broker and disk it runs on needs a VIEWER token; its metrics need the
 * scrape token or ADMIN. (The shared defaults in service-support and the rules in security-support; the gateway has
 * the same test.)
 */
@WedopsIntegrationTest
class ActuatorExposureIT {

    @Autowired
    WebTestClient web;

    @Test
    void probesAnswerAnyoneWithTheStatusAloneAndAViewerWithTheComponents() {
        // the first test of the JVM: the service may still be starting, and on a loaded machine a readiness answer may
        // take longer than the client's 5 s; a late answer is "not ready yet", the assertions below are the test
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            web.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist();
        }
        web.get().uri("/actuator/health/readiness").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.details.database").isEqualTo("PostgreSQL")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.ingest())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void metricsNeedTheScrapeTokenOrAnAdmin() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/apm/dashboard").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isUnauthorized();
    }
}
