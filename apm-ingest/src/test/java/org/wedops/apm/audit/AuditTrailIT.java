package org.wedops.apm.audit;

import static org.awaitility.Awaitility.await;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.support.audit.AuditLog;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.WedopsIntegrationTest;

/**
 * apm-ingest has no admin calls of its own yet, but answers {@code GET /api/audit} like every service, so that the
 * gateway's aggregate never reports it missing for lack of a table: its migration creates one, and the filters work.
 */
@WedopsIntegrationTest
class AuditTrailIT {

    @Autowired
    WebTestClient web;

    @Autowired
    AuditLog audit;

    @Test
    void entriesAreReadNewestFirstFilteredByActorActionAndTime() {
        Instant t = Instant.parse("2026-06-06T14:00:00Z");
        // the schema is migrated after the service starts (it starts before its database): the first write waits for it
        await().ignoreExceptions().untilAsserted(() ->
                audit.record(t, "apm-audit-alice", "series.purge", "payments", "cardinality blow-up", "PURGED").block());
        audit.record(t.plusSeconds(60), "apm-audit-alice", "series.purge", "crm", null, "PURGED").block();
        audit.record(t.plusSeconds(120), "apm-audit-bob", "series.purge", "venue", null, "PURGED").block();

        web.get().uri("/api/audit?actor=apm-audit-alice&action=series.purge&from=2026-06-06T14:00:00Z&to=2026-06-06T14:01:30Z")
                .headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].target").isEqualTo("crm")
                .jsonPath("$.entries[1].target").isEqualTo("payments")
                .jsonPath("$.entries[1].reason").isEqualTo("cardinality blow-up")
                .jsonPath("$.entries[1].at").isEqualTo("2026-06-06T14:00:00Z");
        web.get().uri("/api/audit?actor=apm-audit-alice&limit=1").headers(h -> h.setBearerAuth(TestTokens.withRoles("ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.entries.length()").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} may not read the audit trail")
    @CsvSource({"VIEWER", "OPERATOR"})
    void theAuditTrailIsForAdminsOnly(String role) {
        web.get().uri("/api/audit").headers(h -> h.setBearerAuth(TestTokens.withRoles(role))).exchange().expectStatus().isForbidden();
    }
}
