package org.wedops.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.wedops.gateway.GatewayAgainstStandIns;
import org.wedops.testsupport.TestTokens;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Every mutating request through the gateway leaves one audit entry, whatever its outcome; reads leave none. */
class AuditIT extends GatewayAgainstStandIns {

    private final ListAppender<ILoggingEvent> auditLog = new ListAppender<>();

    @BeforeEach
    void captureAuditLog() {
        auditLog.start();
        ((Logger) LoggerFactory.getLogger(LogAuditSink.LOGGER)).addAppender(auditLog);
    }

    @AfterEach
    void releaseAuditLog() {
        ((Logger) LoggerFactory.getLogger(LogAuditSink.LOGGER)).detachAppender(auditLog);
    }

    @Test
    void aChangeIsAuditedWithWhoWhatWhereOutcomeAndRequestId() {
        String requestId = UUID.randomUUID().toString();
        web.post().uri("/api/admin/infrastructure/targets").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR")))
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"id\":\"crm-api\"}")
                .exchange()
                .expectStatus().isOk();

        AuditEntry entry = audit.withRequestId(requestId).orElseThrow();
        assertThat(entry.principal()).isEqualTo("test-user");
        assertThat(entry.method()).isEqualTo("POST");
        assertThat(entry.route()).isEqualTo("health-collector");
        assertThat(entry.path()).isEqualTo("/api/admin/infrastructure/targets");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.duration()).isPositive();

        assertThat(auditLog.list).filteredOn(event -> event.getFormattedMessage().contains("requestId=" + requestId))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getFormattedMessage()).contains("principal=test-user", "method=POST",
                            "route=health-collector", "path=/api/admin/infrastructure/targets", "status=200", "durationMs=");
                    assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId);
                });
    }

    @Test
    void refusedChangesAreAuditedWithWhoeverTriedThem() {
        String anonymous = UUID.randomUUID().toString();
        web.delete().uri("/api/alerts/3f2a").header("X-Request-Id", anonymous).exchange().expectStatus().isUnauthorized();
        assertThat(audit.withRequestId(anonymous)).hasValueSatisfying(entry -> {
            assertThat(entry.principal()).isEqualTo("anonymous");
            assertThat(entry.status()).isEqualTo(401);
            assertThat(entry.route()).isEqualTo("alert-router");
        });

        String viewer = UUID.randomUUID().toString();
        web.post().uri("/api/emergency/stop").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).header("X-Request-Id", viewer)
                .exchange().expectStatus().isForbidden();
        assertThat(audit.withRequestId(viewer)).hasValueSatisfying(entry -> {
            assertThat(entry.principal()).isEqualTo("test-user");
            assertThat(entry.status()).isEqualTo(403);
        });

        String wrongType = UUID.randomUUID().toString();
        web.put().uri("/api/weddings/w-1").headers(h -> h.setBearerAuth(TestTokens.withRoles("OPERATOR"))).header("X-Request-Id", wrongType)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("w-1").exchange().expectStatus().isEqualTo(415);
        assertThat(audit.withRequestId(wrongType)).hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(415));
    }

    @Test
    void readsAreNotAudited() {
        String requestId = UUID.randomUUID().toString();
        web.get().uri("/api/alerts").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).header("X-Request-Id", requestId)
                .exchange().expectStatus().isOk();

        assertThat(audit.withRequestId(requestId)).isEmpty();
    }
}
