package org.wedops.support.audit;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit}: the service's own audit trail, for ADMINs only (it names people and their reasons).
 * Declared once here and registered in every service with a database ({@link AuditAutoConfiguration}).
 */
@RestController
@RequiredArgsConstructor
public class AuditController {

    /** @param entries newest first */
    public record AuditPage(List<AuditEntry> entries) {
    }

    private final AuditLog audit;

    @GetMapping("/api/audit")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<AuditPage> entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String limit) {
        return Mono.fromSupplier(() -> AuditQuery.of(actor, action, from, to, limit))
                .flatMap(query -> audit.find(query).collectList())
                .map(AuditPage::new);
    }
}
