package org.wedops.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** 403 as problem+json, with RFC 6750's {@code insufficient_scope} challenge as Spring's own handler sends it. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.defer(() -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\", error_description=\"The request requires higher privileges than provided by the access token.\"");
            return ProblemResponse.write(exchange, HttpStatus.FORBIDDEN,
                    "The token's roles or scopes do not allow " + exchange.getRequest().getMethod().name() + " "
                            + exchange.getRequest().getPath().value()
                            + " (reads need VIEWER, changes OPERATOR, some actions ADMIN; ingest tokens only post samples).");
        });
    }
}
