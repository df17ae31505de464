package org.wedops.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.wedops.security.ProblemResponse;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * A service that is down, too slow or cut off by its circuit breaker gets the client a problem+json naming it (503
 * or 504) instead of a generic 500: the admin sees which service to look at, and a client can tell "retry later"
 * from a bug.
 */
@Component
@Order(-3) // before the gateway's general ProblemErrorHandler (-2) and Boot's DefaultErrorWebExceptionHandler (-1)
@RequiredArgsConstructor
class DownstreamProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamProblemHandler.class);

    private final RoutingProperties properties;
    private final CircuitBreakerProperties circuitBreaker;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String service = ServiceRoutes.serviceOf(route);
        String path = exchange.getRequest().getPath().value();
        if (error instanceof CallNotPermittedException) {
            log.warn("{} is cut off by its circuit breaker for {}", service, path);
            return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, service,
                    "The " + service + " service keeps failing; the gateway stops calling it for up to "
                            + circuitBreaker.waitInOpenState().toSeconds() + " s. Nothing was done. Retry later.");
        }
        if (isUnreachable(error)) {
            log.warn("{} is unreachable for {}: {}", service, path, error.toString());
            return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, service,
                    "The " + service + " service is unavailable; nothing was done. Retry later.");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("{} did not answer {} within {} ms", service, path, properties.timeout().toMillis());
            return problem(exchange, HttpStatus.GATEWAY_TIMEOUT, service,
                    "The " + service + " service did not answer within " + properties.timeout().toMillis()
                            + " ms; the request may or may not have taken effect.");
        }
        return Mono.error(error);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String service, String detail) {
        return ProblemResponse.write(exchange, status, detail, Map.of("service", service));
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
