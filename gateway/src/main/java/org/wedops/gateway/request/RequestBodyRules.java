package org.wedops.gateway.request;

import java.util.concurrent.atomic.AtomicLong;

import lombok.RequiredArgsConstructor;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.security.ProblemResponse;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bodies on routed requests are JSON (415 otherwise) and no larger than the limit (413): checked on the declared
 * length before anything is forwarded, and counted while streaming for bodies without one (chunked) or that lie.
 * Runs after authentication, so an anonymous caller learns nothing but 401.
 */
@Component
@RequiredArgsConstructor
class RequestBodyRules implements GlobalFilter, Ordered {

    static final int ORDER = -90;

    private final RequestProperties properties;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declaredLength = headers.getContentLength();
        boolean hasBody = declaredLength > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return chain.filter(exchange);
        }
        MediaType type = headers.getContentType();
        if (!isJson(type)) {
            return ProblemResponse.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Request bodies must be application/json" + (type == null ? "; no Content-Type was sent." : ", not " + type + "."));
        }
        boolean ingest = RouteTable.isIngest(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value());
        long limit = (ingest ? properties.maxIngestBodySize() : properties.maxBodySize()).toBytes();
        if (declaredLength > limit) {
            return ProblemResponse.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
        }
        return chain.filter(exchange.mutate().request(counting(exchange.getRequest(), limit)).build());
    }

    static boolean isJson(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static ServerHttpRequest counting(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(new IllegalStateException(tooLarge(limit))));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    private static String tooLarge(long limit) {
        return "Request bodies on this route may not exceed " + limit + " bytes; nothing was forwarded.";
    }
}
