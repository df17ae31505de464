package org.wedops.support.database;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Starts the Kafka listeners (auto-startup is off by default) only once the database can take what they consume, and
 * again when a stopped context is started (a restart, or the test framework resuming a paused context): the lifecycle
 * restarts only auto-startup beans, so without this the listeners would stay stopped.
 */
@RequiredArgsConstructor
public class ListenersAfterMigration {

    private final DeferredMigration migration;
    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

    @EventListener({ApplicationReadyEvent.class, ContextStartedEvent.class})
    public void startListenersOnceMigrated() {
        migration.whenMigrated(() -> registry.ifAvailable(listeners -> listeners.getListenerContainers().forEach(container -> {
            if (!container.isRunning()) {
                container.start();
            }
        })));
    }
}
