package org.wedops.gateway.console;

import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.wedops.gateway.GatewayAgainstStandIns;
import org.wedops.testsupport.TestTokens;

/**
 * The console's files are the only thing served without a token; everything it shows still needs one, and its live
 * feed is an authenticated API like the rest.
 */
class ConsoleFilesIT extends GatewayAgainstStandIns {

    @Test
    void theConsoleLoadsWithoutATokenUnderAPolicyThatLoadsNothingFromElsewhere() {
        assumeThat(new ClassPathResource("static/index.html").exists()).as("the console was built (not -Dconsole.skip)").isTrue();
        web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*connect-src 'self';.*frame-ancestors 'none'.*")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("/console/app.js"));
        web.get().uri("/console/app.js").exchange().expectStatus().isOk();
        web.get().uri("/console/config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rolesClaim").isEqualTo("roles").jsonPath("$.oidc").doesNotExist();
    }

    @Test
    void onlyReadingTheFilesIsOpenAndAnythingElseNeedsAToken() {
        web.post().uri("/").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/console-not-a-file").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theLiveFeedNeedsAViewerAndSaysWhenItIsOff() {
        web.get().uri("/api/live/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/live/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.withRoles())
                .exchange().expectStatus().isForbidden();
        // this gateway reads no Kafka (wedops.gateway.live.enabled is off by default)
        web.get().uri("/api/live/events").accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.withRoles("VIEWER"))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("wedops.gateway.live.enabled"));
    }
}
