package org.wedops.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.security.AuthenticatedPrincipal;
import org.wedops.security.ProblemResponse;

import reactor.core.publisher.Mono;

/**
 * Rate limits per client and route, after authentication (so the client is the token's subject; without a token,
 * on the open docs routes, its IP address) and before anything is forwarded. Posts to ingest endpoints draw on
 * their own, larger budget. Over budget: 429 problem+json with {@code Retry-After} in seconds.
 */
@Component
@RequiredArgsConstructor
class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = -100;

    private final RateLimitProperties properties;
    private final RequestBuckets buckets;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (!properties.enabled() || route == null) {
            return chain.filter(exchange);
        }
        boolean ingest = RouteTable.isIngest(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value());
        RateLimitProperties.Limit limit = ingest ? properties.ingest() : properties.api();
        String client = AuthenticatedPrincipal.of(exchange).map(subject -> "sub:" + subject)
                .orElseGet(() -> "ip:" + clientAddress(exchange));
        String key = (ingest ? "ingest|" : "api|") + route.getId() + "|" + client;
        RequestBuckets.Decision decision = buckets.tryAcquire(key, limit);
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        return tooManyRequests(exchange, decision, "Rate limit of " + limit.requests() + " " + (ingest ? "ingest " : "")
                + "requests per " + readable(limit.per()) + " for " + route.getId() + " reached", Map.of("route", route.getId()));
    }

    /** 429 problem+json with {@code Retry-After} in whole seconds, rounded up. */
    static Mono<Void> tooManyRequests(ServerWebExchange exchange, RequestBuckets.Decision decision, String reason, Map<String, Object> extra) {
        long retryAfterSeconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Map<String, Object> members = new LinkedHashMap<>(extra);
        members.put("retryAfterSeconds", retryAfterSeconds);
        return ProblemResponse.write(exchange, HttpStatus.TOO_MANY_REQUESTS, reason + "; retry in " + retryAfterSeconds + " s.", members);
    }

    static String readable(Duration period) {
        long millis = period.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
