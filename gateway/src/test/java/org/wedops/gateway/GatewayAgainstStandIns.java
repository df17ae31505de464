package org.wedops.gateway;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.testsupport.TestTokens;

/**
 * The real gateway on a random port in front of a stand-in for every service of the route table. Test classes that
 * extend this share one application context (and one set of stand-ins); body limits are small so that tests send
 * small bodies, and the budget of refused tokens per address is out of the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wedops.security.mode=local",
        "wedops.security.jwt-secret=" + TestTokens.SECRET,
        "wedops.security.scrape-token=" + TestTokens.SCRAPE_TOKEN,
        "wedops.gateway.requests.max-body-size=16KB",
        "wedops.gateway.requests.max-ingest-body-size=64KB",
        // these tests send hundreds of refused tokens from 127.0.0.1 on purpose; RefusedTokenLimitIT tests that limit
        "wedops.gateway.rate-limit.refused-tokens.requests=100000"})
@AutoConfigureWebTestClient
@Import(CollectingAuditSink.class)
public abstract class GatewayAgainstStandIns {

    protected static final List<String> SERVICES = RouteTable.ROUTES.stream().map(RouteTable.ServiceRoute::service).toList();
    protected static final StandInServices standIns = StandInServices.start(SERVICES, List.of());

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected CollectingAuditSink audit;

    @DynamicPropertySource
    static void serviceAddresses(DynamicPropertyRegistry registry) {
        standIns.register(registry, SERVICES);
    }
}
