package org.wedops.gateway.request;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * CORS is off unless origins are configured: then, and only then, browsers on those origins may call the API, and
 * their preflights are answered here, before authentication (a preflight never carries the token). Credentials
 * (cookies) are never allowed: the API takes bearer tokens only.
 */
@Component
class CrossOriginPolicy implements WebFilter, Ordered {

    private final WebFilter delegate;

    CrossOriginPolicy(RequestProperties properties) {
        this.delegate = properties.cors().enabled() ? corsFilter(properties.cors()) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20; // after the audit, before security (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return delegate == null ? chain.filter(exchange) : delegate.filter(exchange, chain);
    }

    private static CorsWebFilter corsFilter(RequestProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.copyOf(cors.allowedOrigins()));
        configuration.setAllowedMethods(List.copyOf(cors.allowedMethods()));
        configuration.setAllowedHeaders(List.copyOf(cors.allowedHeaders()));
        configuration.setExposedHeaders(List.of(RequestId.HEADER, "Retry-After"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return new CorsWebFilter(source);
    }
}
