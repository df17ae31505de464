package org.wedops.support.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Starts the Kafka listeners (auto-startup is off by default) only once the database can take what they consume. */
public class ListenersAfterMigration {

    private final DeferredMigration migration;
    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

    public ListenersAfterMigration(DeferredMigration migration, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.migration = migration;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startListenersOnceMigrated() {
        migration.whenMigrated(() -> registry.ifAvailable(listeners -> listeners.getListenerContainers().forEach(container -> {
            if (!container.isRunning()) {
                container.start();
            }
        })));
    }
}
