package org.wedops.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.wedops.testsupport.browser.NodeTestSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wedops.gateway.StandInServices;
import org.wedops.gateway.routing.RouteTable;

/**
 * The console's single sign-on for real: the gateway in issuer mode on a real port, a real OIDC issuer next to it
 * (Spring Authorization Server, {@link OidcIssuer}), and the console in Debian's headless Chromium
 * ({@code console/test/sso}, driven by playwright-core). The browser is sent to the issuer, signs in on its login
 * form, comes back with a code, trades it with its PKCE verifier for a token, and the gateway takes that token for the
 * console's calls; a verifier changed on the way is refused by the issuer, and an issuer that cannot be reached is
 * named on the sign-in page. No service runs: stand-ins behind the gateway record what reached them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=issuer",
        "wedops.security.audience=" + OidcIssuer.AUDIENCE,
        "wedops.gateway.console.oidc-client-id=" + ConsoleSingleSignOnInBrowserIT.CLIENT_ID})
class ConsoleSingleSignOnInBrowserIT {

    static final String CLIENT_ID = "wedops-console";
    private static final Duration SUITE = Duration.ofMinutes(2);
    private static final Path CONSOLE = Path.of("..", "console").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> SERVICES = RouteTable.ROUTES.stream().map(RouteTable.ServiceRoute::service).toList();

    static final OidcIssuer issuer = OidcIssuer.start();
    static final StandInServices standIns = StandInServices.start(SERVICES, List.of());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuerAndServices(DynamicPropertyRegistry registry) {
        registry.add("wedops.security.issuer-uri", issuer::issuer);
        standIns.register(registry, SERVICES);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        standIns.stop();
    }

    @Test
    void theConsoleSignsInThroughTheIssuerWithPkceAndTheGatewayTakesItsToken() throws IOException, InterruptedException {
        assumeThat(new ClassPathResource("static/index.html").exists()).as("the console was built (not -Dconsole.skip)").isTrue();
        assertThat(CHROMIUM).as("Debian's chromium is needed for the console's browser tests: bin/test-browser installs it "
                + "(./wedops test runs it), or set CHROMIUM to a Chromium binary").isExecutable();
        String gateway = "http://127.0.0.1:" + port;
        issuer.register(CLIENT_ID, gateway + "/");

        Path output = Files.createTempFile(Path.of("target"), "console-sso", ".log");
        Map<String, String> environment = Map.of(
                "GATEWAY_URL", gateway,
                "ISSUER_URL", issuer.issuer(),
                "SSO_USERNAME", OidcIssuer.USERNAME,
                "SSO_PASSWORD", OidcIssuer.PASSWORD,
                "CHROMIUM", CHROMIUM.toString(),
                "SCREENSHOT_DIR", Path.of("target", "console-screenshots").toAbsolutePath().toString());
        String log = NodeTestSuite.runAndAssertPassed(CONSOLE, "test/sso/", environment, output, SUITE);
        assertThat(log).containsPattern("(?m)pass 3$");

        // the issuer traded exactly one code for a token, and refused the one whose verifier was changed on the way
        assertThat(issuer.tokenRequests()).extracting(OidcIssuer.TokenRequest::status).containsExactlyInAnyOrder(200, 400);
        assertThat(issuer.tokenRequests()).filteredOn(request -> request.status() == 400).singleElement()
                .satisfies(refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
        assertThat(issuer.tokenRequests()).allSatisfy(request -> assertThat(request.form())
                .containsEntry("client_id", CLIENT_ID).containsEntry("redirect_uri", gateway + "/").containsKey("code_verifier"));
        String token = issuer.issuedTokens().get(0);
        // the console's calls reached the services with that token: the gateway checked it against the issuer's keys
        assertThat(standIns.received()).filteredOn(received -> received.path().startsWith("/api/"))
                .isNotEmpty()
                .allSatisfy(received -> assertThat(received.header("Authorization")).contains("Bearer " + token));
    }
}
