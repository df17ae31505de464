package org.wedops.gateway.ratelimit;

import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every 401 the gateway answers draws on the client address's budget of refused tokens; once it is spent, that
 * address gets 429 before its token is even looked at, until the budget refills. Without this a token guesser would
 * never meet a limit: the per-client limits run after authentication, which is where its requests end. Runs before
 * security; the charge is taken when the response is committed, which is when its status is final. Health probes
 * without a token are never held back (a kubelet may share an address with an attacker, and needs no token).
 */
@Component
@RequiredArgsConstructor
class RefusedTokenLimit implements WebFilter, Ordered {

    private final RateLimitProperties properties;
    private final RequestBuckets buckets;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30; // after the audit and CORS, before security (-100)
    }

    /** A kubelet's probe: health without a token. With one, health is as good a place to guess tokens as any. */
    private static boolean isProbe(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/actuator/health")
                && !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || isProbe(exchange)) {
            return chain.filter(exchange);
        }
        RateLimitProperties.Limit limit = properties.refusedTokens();
        String key = "refused|ip:" + RateLimitFilter.clientAddress(exchange);
        RequestBuckets.Decision decision = buckets.peek(key, limit);
        if (!decision.allowed()) {
            return RateLimitFilter.tooManyRequests(exchange, decision, "Too many requests from this address were refused for "
                    + "their token (" + limit.requests() + " per " + RateLimitFilter.readable(limit.per()) + " allowed)", Map.of());
        }
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                buckets.charge(key, limit);
            }
        }));
        return chain.filter(exchange);
    }
}
