package org.wedops.support.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.support.audit.AuditController;
import org.wedops.support.audit.AuditLog;

@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
public class WedopsDatabaseConfiguration {

    @Bean
    DeferredMigration databaseMigration() {
        return new DeferredMigration();
    }

    @Bean
    RecurringWork recurringWork(DeferredMigration migration) {
        return new RecurringWork(migration);
    }

    @Bean
    ListenersAfterMigration listenersAfterMigration(DeferredMigration migration, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ListenersAfterMigration(migration, registry);
    }

    @Bean
    AuditLog auditLog(DatabaseClient db) {
        return new AuditLog(db);
    }

    /** Every service with a database has an {@code audit_log} table, so every one answers {@code GET /api/audit}. */
    @Bean
    AuditController auditController(AuditLog audit) {
        return new AuditController(audit);
    }
}
