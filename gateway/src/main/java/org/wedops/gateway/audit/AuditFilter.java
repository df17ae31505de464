package org.wedops.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.wedops.gateway.request.RequestId;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.security.AuthenticatedPrincipal;

import reactor.core.publisher.Mono;

/**
 * Audits every mutating request, whatever becomes of it: it runs outside security, rate limits and routing so that
 * a 401, 403, 413, 415, 429 or 503 is recorded like a success. The entry is taken when the response is committed,
 * which is when its status is final (exception handlers write after the filter chain has failed); a client that
 * goes away before that is recorded with status 499.
 */
@Component
class AuditFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final int CLIENT_CLOSED_REQUEST = 499;

    private final List<AuditSink> sinks;
    private final Clock clock;

    AuditFilter(List<AuditSink> sinks) {
        this.sinks = List.copyOf(sinks);
        this.clock = Clock.systemUTC();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // first of the filters, so that it sees every outcome
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (READS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        long startedNanos = System.nanoTime();
        AtomicBoolean recorded = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            record(exchange, status == null ? 200 : status.value(), startedNanos, recorded);
        }));
        return chain.filter(exchange)
                .doOnCancel(() -> record(exchange, CLIENT_CLOSED_REQUEST, startedNanos, recorded));
    }

    private void record(ServerWebExchange exchange, int status, long startedNanos, AtomicBoolean recorded) {
        if (!recorded.compareAndSet(false, true)) {
            return;
        }
        String path = exchange.getRequest().getPath().value();
        AuditEntry entry = new AuditEntry(clock.instant(),
                AuthenticatedPrincipal.of(exchange).orElse("anonymous"),
                exchange.getRequest().getMethod().name(),
                RouteTable.serviceFor(path).orElse("-"),
                path,
                status,
                RequestId.of(exchange).orElse("-"),
                Duration.ofNanos(System.nanoTime() - startedNanos));
        for (AuditSink sink : sinks) {
            try {
                sink.record(entry);
            } catch (RuntimeException e) {
                // an audit sink must never turn a served request into a failed one
                log.error("Audit sink {} failed for {}", sink.getClass().getSimpleName(), entry, e);
            }
        }
    }
}
