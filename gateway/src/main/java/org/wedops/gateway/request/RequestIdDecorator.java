package org.wedops.gateway.request;

import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;


import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request its id before anything else runs: the caller's {@code X-Request-Id} when it is sane, a new
 * one otherwise. The id goes to the service (the request header is replaced), back to the caller (401s and 429s
 * included) and into the Reactor context, from which automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}) fills the MDC of every log line written while the request is
 * handled. A decorator of the whole HTTP handler rather than a WebFilter, because exception handlers (503, 504,
 * 413) run outside the filter chain and log too.
 */
@Component
class RequestIdDecorator implements HttpHandlerDecoratorFactory {

    RequestIdDecorator() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestId.MDC_KEY,
                () -> MDC.get(RequestId.MDC_KEY),
                value -> MDC.put(RequestId.MDC_KEY, value),
                () -> MDC.remove(RequestId.MDC_KEY));
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            String incoming = request.getHeaders().getFirst(RequestId.HEADER);
            String id = RequestId.isSane(incoming) ? incoming : UUID.randomUUID().toString();
            ServerHttpRequest withId = request.mutate().headers(headers -> headers.set(RequestId.HEADER, id)).build();
            // set, not add, and just before commit: a service that echoes the header must not make it appear twice
            response.beforeCommit(() -> Mono.fromRunnable(() -> response.getHeaders().set(RequestId.HEADER, id)));
            return handler.handle(withId, response).contextWrite(Context.of(RequestId.MDC_KEY, id));
        };
    }
}
