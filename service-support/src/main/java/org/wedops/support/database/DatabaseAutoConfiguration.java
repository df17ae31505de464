package org.wedops.support.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The database's place in a service's life: the schema migrated in the background ({@link DeferredMigration}, with the
 * library's {@link SharedSchema}s), Kafka listeners started once it is, and recurring work that waits for it too.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
public class DatabaseAutoConfiguration {

    /** Named so that its health contributor is {@code databaseMigration}, as the readiness group lists it. */
    @Bean
    DeferredMigration databaseMigration(ObjectProvider<SharedSchema> sharedSchemas) {
        return new DeferredMigration(() -> sharedSchemas.orderedStream().toList());
    }

    @Bean
    RecurringWork recurringWork(DeferredMigration migration) {
        return new RecurringWork(migration);
    }

    @Bean
    ListenersAfterMigration listenersAfterMigration(DeferredMigration migration, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ListenersAfterMigration(migration, registry);
    }
}
