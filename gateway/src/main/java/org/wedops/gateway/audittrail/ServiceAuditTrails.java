package org.wedops.gateway.audittrail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.gateway.routing.RoutingProperties;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every service's own audit trail (the services own their audits; the gateway keeps none) at once, with the
 * caller's token, each within a timeout, and merges them by time. A service that does not answer in time, refuses or
 * fails is listed under {@code missing}, never silently left out.
 */
@Component
class ServiceAuditTrails {

    /** The services' answer shape ({@code org.wedops.support.audit.AuditController.AuditPage}). */
    record ServicePage(List<ServiceEntry> entries) {
    }

    record ServiceEntry(long id, Instant at, String actor, String action, String target, String reason, String outcome) {
    }

    private final RoutingProperties routing;
    private final Duration timeout;
    private final WebClient client = WebClient.builder().build();

    ServiceAuditTrails(RoutingProperties routing, AuditTrailProperties properties) {
        this.routing = routing;
        this.timeout = properties.timeout();
    }

    Mono<AuditTrail> read(AuditTrailQuery query, String authorization) {
        return Flux.fromIterable(RouteTable.ROUTES)
                .flatMap(route -> page(route.service(), query, authorization))
                .collectList()
                .map(pages -> AuditTrail.merge(pages, query.limit()));
    }

    private Mono<AuditTrail.Page> page(String service, AuditTrailQuery query, String authorization) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(routing.addressOf(service)).path("/api/audit");
        query.parameters().forEach(uri::queryParam);
        URI address = uri.encode().build().toUri();
        return client.get().uri(address).header(HttpHeaders.AUTHORIZATION, authorization).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(ServicePage.class)
                .timeout(timeout)
                .map(page -> new AuditTrail.Page(service, page.entries() == null ? List.of() : page.entries().stream()
                        .map(e -> new AuditTrail.Entry(service, e.id(), e.at(), e.actor(), e.action(), e.target(), e.reason(), e.outcome()))
                        .toList(), null))
                .onErrorResume(error -> Mono.just(new AuditTrail.Page(service, List.of(), failure(error))));
    }

    private String failure(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (error instanceof WebClientResponseException response) {
            return "answered HTTP " + response.getStatusCode().value();
        }
        return "unreachable (" + error.getClass().getSimpleName() + ")";
    }
}
