package org.wedops.gateway.request;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties a request's lines together: in the gateway's logs (MDC key {@value #MDC_KEY}), in the audit line,
 * in the owning service (header {@value #HEADER}) and in the client's response.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** What a caller's own id may look like: a UUID, a trace id, a CI job id; nothing that could forge a log line. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    private RequestId() {
    }

    public static boolean isSane(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }

    /** The request's id; every request has one once {@link RequestIdDecorator} has run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getHeaders().getFirst(HEADER));
    }
}
