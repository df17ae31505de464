package org.wedops.support.audit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.support.database.SharedSchema;

/**
 * The audit trail of every service with a database: its {@code audit_log} table (the library's own migration), the
 * {@link AuditLog} the service's admin calls write to, and {@code GET /api/audit}.
 */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean(DatabaseClient.class)
public class AuditAutoConfiguration {

    @Bean
    SharedSchema auditSchema() {
        return SharedSchema.of("audit", AuditLog.class);
    }

    @Bean
    AuditLog auditLog(DatabaseClient db) {
        return new AuditLog(db);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    AuditController auditController(AuditLog audit) {
        return new AuditController(audit);
    }
}
