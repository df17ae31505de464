package org.wedops.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.wedops.gateway.GatewayAgainstStandIns;

/** One Swagger UI at the gateway lists every service's document, fetched through the gateway without a token. */
class AggregatedApiDocsIT extends GatewayAgainstStandIns {

    @Test
    void theSwaggerUiListsEveryServiceOfTheRouteTable() {
        web.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(names -> assertThat(names).asInstanceOf(InstanceOfAssertFactories.LIST).containsAll(SERVICES))
                .jsonPath("$.urls[?(@.name == 'scaling-planner')].url").isEqualTo(List.of("/v3/api-docs/scaling-planner"));
    }

    @Test
    void aServicesDocumentIsServedThroughTheGatewayPointingAtTheGatewayWithBearerAuth() {
        web.get().uri("/v3/api-docs/scaling-planner").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("scaling-planner")
                .jsonPath("$.paths['/api/scaling-planner/things']").exists()
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").isArray();

        assertThat(standIns.received()).anySatisfy(received -> {
            assertThat(received.service()).isEqualTo("scaling-planner");
            assertThat(received.path()).isEqualTo("/v3/api-docs");
        });
    }

    @Test
    void theSwaggerUiIsOpen() {
        web.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/swagger-ui/index.html");
        web.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
