package org.wedops.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

class CrossOriginPolicyTest {

    @Test
    void withoutConfiguredOriginsNothingIsAllowedCrossOrigin() {
        MockServerWebExchange preflight = preflight("https://ops.example.com");
        AtomicBoolean passedOn = new AtomicBoolean();

        new CrossOriginPolicy(properties(List.of())).filter(preflight, chain(passedOn)).block();

        assertThat(passedOn).isTrue();
        assertThat(preflight.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    @Test
    void aConfiguredOriginsPreflightIsAnsweredBeforeAuthentication() {
        MockServerWebExchange preflight = preflight("https://ops.example.com");
        AtomicBoolean passedOn = new AtomicBoolean();

        new CrossOriginPolicy(properties(List.of("https://ops.example.com"))).filter(preflight, chain(passedOn)).block();

        assertThat(passedOn).as("a preflight goes no further").isFalse();
        HttpHeaders headers = preflight.getResponse().getHeaders();
        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo("https://ops.example.com");
        assertThat(headers.getAccessControlAllowMethods()).contains(HttpMethod.POST);
        assertThat(headers.getAccessControlAllowCredentials()).isFalse();
    }

    @Test
    void anotherOriginIsRefused() {
        MockServerWebExchange preflight = preflight("https://evil.example");

        new CrossOriginPolicy(properties(List.of("https://ops.example.com"))).filter(preflight, chain(new AtomicBoolean())).block();

        assertThat(preflight.getResponse().getStatusCode().value()).isEqualTo(403);
        assertThat(preflight.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private static MockServerWebExchange preflight(String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.options("https://gateway.example.com/api/weddings")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type"));
    }

    private static WebFilterChain chain(AtomicBoolean passedOn) {
        return exchange -> Mono.fromRunnable(() -> passedOn.set(true));
    }

    private static RequestProperties properties(List<String> origins) {
        return new RequestProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), new RequestProperties.Cors(origins,
                List.of("GET", "POST"), List.of("Authorization", "Content-Type", RequestId.HEADER), Duration.ofMinutes(30)));
    }
}
