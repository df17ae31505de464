package org.wedops.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.wedops.gateway.GatewayAgainstStandIns;
import org.wedops.testsupport.TestTokens;

/**
 * What the gateway's actuator shows to whom: probes answer anyone with the status alone; components and details need a
 * VIEWER token; Prometheus metrics need the scrape token or an ADMIN token, and the scrape token opens nothing else.
 */
class ActuatorExposureIT extends GatewayAgainstStandIns {

    @Test
    void livenessAndReadinessAnswerAnyoneWithTheStatusAlone() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            web.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    void healthComponentsAndDetailsNeedAViewerToken() {
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.diskSpace.details.free").exists();
        // an emitter's ingest token is not a reader of the platform's insides
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.ingest())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void metricsAreRefusedWithoutTheScrapeTokenOrAnAdmin() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN + "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theScrapeTokenReadsTheMetricsAndNothingElse() {
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isOk();

        web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.SCRAPE_TOKEN)).exchange()
                .expectStatus().isUnauthorized();
        assertThat(standIns.received()).noneMatch(received -> received.header("Authorization")
                .filter(value -> value.contains(TestTokens.SCRAPE_TOKEN)).isPresent());
    }
}
