package org.wedops.gateway.audittrail;

import java.util.List;

import lombok.RequiredArgsConstructor;
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

import reactor.core.publisher.Mono;

/** {@code GET /api/audit} at the gateway (ADMIN): every service's audit trail merged by time ({@link ServiceAuditTrails}). */
@RestController
@RequiredArgsConstructor
class AuditTrailController {

    private final ServiceAuditTrails trails;

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
        return trails.read(query, authorization).map(trail -> ResponseEntity.ok((Object) trail));
    }

    private static ResponseEntity<Object> badRequest(List<AuditTrailQuery.Problem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
