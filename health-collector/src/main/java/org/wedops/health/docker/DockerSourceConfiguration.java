package org.wedops.health.docker;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.checking.CheckRecorder;
import org.wedops.health.restart.RestartDecisions;
import org.wedops.support.database.DeferredMigration;
import org.wedops.support.protection.ProtectionStates;

/** The Docker source exists only when enabled ({@code wedops.health.docker.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wedops.health.docker.enabled", havingValue = "true")
class DockerSourceConfiguration {

    @Bean
    DockerEngine dockerEngine(HealthCollectorProperties properties) {
        return new DockerEngine(properties.docker());
    }

    @Bean
    DockerContainerSource dockerContainerSource(DockerEngine engine, CheckRecorder recorder, @org.springframework.context.annotation.Lazy RestartDecisions restarts,
                                                ProtectionStates protection, HealthCollectorProperties properties, DeferredMigration migration, Clock clock) {
        return new DockerContainerSource(engine, recorder, restarts, protection, properties, migration, clock);
    }
}
