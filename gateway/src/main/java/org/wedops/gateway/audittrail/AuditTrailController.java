package org.wedops.gateway.audittrail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import org.wedops.gateway.GatewayProperties;
import org.wedops.gateway.routing.RouteTable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit} at the gateway: each service's own audit trail (the services own their audits; the gateway
 * keeps none), read from all of them at once with the caller's token, each within a timeout, and merged by time.
 * A service that does not answer in time, refuses or fails is listed under {@code missing}, never silently left out.
 */
@RestController
class AuditTrailController {

    /** The services' answer shape ({@code org.wedops.support.audit.AuditController.AuditPage}). */
    record ServicePage(List<ServiceEntry> entries) {
    }

    record ServiceEntry(long id, java.time.Instant at, String actor, String action, String target, String reason, String outcome) {
    }

    private final GatewayProperties gateway;
    private final Duration timeout;
    private final WebClient client = WebClient.builder().build();

    AuditTrailController(GatewayProperties gateway, AuditTrailProperties properties) {
        this.gateway = gateway;
        this.timeout = properties.timeout();
    }

    @GetMapping("/api/audit")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResponseEntity<Object>> trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String limit,
                                       @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        AuditTrailQuery query;
        try {
            query = AuditTrailQuery.of(actor, action, from, to, limit);
        } catch (AuditTrailQuery.Invalid invalid) {
            return Mono.just(badRequest(invalid.problems));
        }
        return Flux.fromIterable(RouteTable.ROUTES)
                .flatMap(route -> page(route.service(), query, authorization))
                .collectList()
                .map(pages -> ResponseEntity.ok((Object) AuditTrail.merge(pages, query.limit())));
    }

    private Mono<AuditTrail.Page> page(String service, AuditTrailQuery query, String authorization) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(gateway.addressOf(service)).path("/api/audit");
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

    private static ResponseEntity<Object> badRequest(List<AuditTrailQuery.Problem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
