package org.wedops.gateway;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.wedops.security.ProblemResponse;

import reactor.core.publisher.Mono;

/**
 * Every other error the gateway itself makes is problem+json too: no route (404), a body that turned out too large
 * while streaming (413), a bad method (405); anything unexpected is a 500 with an id to find it in the log, never a
 * stack trace.
 */
@Component
@Order(-2) // after routing.DownstreamProblemHandler (-3), before Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code != null) {
                status.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
                return ProblemResponse.write(exchange, code, detail(status, code, exchange));
            }
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return ProblemResponse.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error in the gateway; quote error id " + errorId + ".", Map.of("errorId", errorId));
    }

    private static String detail(ResponseStatusException error, HttpStatus code, ServerWebExchange exchange) {
        if (code == HttpStatus.NOT_FOUND) {
            return "No service answers " + exchange.getRequest().getPath().value() + " through the gateway.";
        }
        if (error.getCause() != null && error.getCause().getMessage() != null && error.getReason() == null) {
            return error.getCause().getMessage();
        }
        return error.getReason() != null ? error.getReason() : code.getReasonPhrase();
    }
}
