package org.wedops.security;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import reactor.core.publisher.Mono;

/**
 * A token that could not be checked is not a bad token: when the identity provider cannot be reached (its JWKS
 * times out or refuses), the caller gets 503 problem+json with {@code Retry-After}, so clients and the console retry
 * instead of sending people back to sign in, and on-call sees an outage instead of a storm of 401s. Spring's default
 * rethrows the failure, which reached the caller as a bare 500. Every other refusal is the 401 of the entry point.
 */
@RequiredArgsConstructor
final class ProblemAuthenticationFailureHandler implements ServerAuthenticationFailureHandler {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemAuthenticationEntryPoint refused;

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            exchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return ProblemResponse.write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    "The identity provider could not be reached to check the bearer token; try again shortly.");
        }
        return refused.commence(exchange.getExchange(), failure);
    }
}
