package org.wedops.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * 401 as problem+json, keeping RFC 6750's {@code WWW-Authenticate: Bearer …} header that Spring's own entry point
 * sends: a client sees in the body whether the token was missing or why it was refused (expired, bad signature).
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return Mono.defer(() -> {
            HttpStatus status = HttpStatus.UNAUTHORIZED;
            String challenge = "Bearer";
            String detail = "This request needs a bearer token (Authorization: Bearer …).";
            if (failure instanceof OAuth2AuthenticationException oauth) {
                OAuth2Error error = oauth.getError();
                if (error instanceof BearerTokenError bearer) {
                    status = bearer.getHttpStatus();
                }
                String description = StringUtils.hasText(error.getDescription()) ? error.getDescription() : error.getErrorCode();
                challenge = "Bearer error=\"" + quoted(error.getErrorCode()) + "\", error_description=\"" + quoted(description) + "\"";
                detail = "The bearer token was refused: " + description;
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return ProblemResponse.write(exchange, status, detail);
        });
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
