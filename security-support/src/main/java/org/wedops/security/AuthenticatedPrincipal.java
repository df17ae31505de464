package org.wedops.security;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Who sent a request (the token's subject), readable from the exchange's attributes also by filters that run
 * outside the security chain and by code that runs after the response was written — an audit line or a rate-limit
 * key needs the principal of a request that was refused with 403 too.
 */
public final class AuthenticatedPrincipal {

    /** Exchange attribute holding the authenticated principal's name; absent for anonymous or refused tokens. */
    public static final String ATTRIBUTE = AuthenticatedPrincipal.class.getName();

    private AuthenticatedPrincipal() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** Runs in the security chain after authentication and before authorization. */
    static WebFilter recorder() {
        return (ServerWebExchange exchange, WebFilterChain chain) -> exchange.getPrincipal()
                .doOnNext(principal -> exchange.getAttributes().put(ATTRIBUTE, principal.getName()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
