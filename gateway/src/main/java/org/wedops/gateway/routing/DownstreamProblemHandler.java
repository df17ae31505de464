package org.wedops.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.wedops.gateway.GatewayProperties;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that is down or too slow gets the client a problem+json naming it (503 or 504) instead of Boot's
 * generic 500: the admin sees which service to look at, and a client can tell "retry later" from a bug.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class DownstreamProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamProblemHandler.class);

    private final JsonMapper json;
    private final GatewayProperties properties;

    DownstreamProblemHandler(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String service = route.getId();
        if (isUnreachable(error)) {
            log.warn("{} is unreachable for {}: {}", service, exchange.getRequest().getPath(), error.toString());
            return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, service, "Service unavailable",
                    "The " + service + " service is unavailable; nothing was done. Retry later.");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("{} did not answer {} within {}", service, exchange.getRequest().getPath(), properties.timeout());
            return problem(exchange, HttpStatus.GATEWAY_TIMEOUT, service, "Service timeout",
                    "The " + service + " service did not answer within " + properties.timeout().toMillis()
                            + " ms; the request may or may not have taken effect.");
        }
        return Mono.error(error);
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String service, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("service", service);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return exchange.getResponse().writeWith(Mono.fromSupplier(
                () -> exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem))));
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
