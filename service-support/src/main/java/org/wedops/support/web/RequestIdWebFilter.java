package org.wedops.support.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Carries the gateway's {@code X-Request-Id} through a service: a sane incoming id is kept (a request that bypassed
 * the gateway gets a new one), it is answered back, and it is in the MDC of every log line written for the request
 * (Reactor context propagation moves it across threads).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    public RequestIdWebFilter() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange).contextWrite(Context.of(KEY, id));
    }
}
