package org.wedops.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Wraps the call to the service (connect to response headers) in the service's circuit breaker. Failures are what
 * says the service is in trouble: refused or unreachable connections and timeouts (504); a client's own error (a
 * 4xx the gateway raised, e.g. a body too large) is not held against the service. While open, the call fails with
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}, which {@link DownstreamProblemHandler}
 * turns into 503 naming the service. State and calls are in Prometheus as {@code resilience4j_circuitbreaker_*}.
 */
@Component
class ServiceCircuitBreakers implements GlobalFilter, Ordered {

    private final CircuitBreakerRegistry registry;

    ServiceCircuitBreakers(CircuitBreakerProperties properties, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(ServiceCircuitBreakers::countsAgainstTheService)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1; // just around the call itself
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        CircuitBreaker breaker = registry.circuitBreaker(ServiceRoutes.serviceOf(route));
        return chain.filter(exchange).transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    private static boolean countsAgainstTheService(Throwable error) {
        return !(error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError());
    }
}
