package org.wedops.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code application/problem+json} answer (RFC 9457: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}) for errors made outside any controller: in security filters, in the gateway's
 * filters and exception handlers. Controllers have Spring's {@code ProblemDetail} for the same shape.
 */
public final class ProblemResponse {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ProblemResponse() {
    }

    /**
     * @param extra further members (e.g. {@code service}); they never replace the standard ones
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, ?> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        extra.forEach(problem::putIfAbsent);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, Map.of());
    }
}
