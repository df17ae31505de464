package org.wedops.health.docker;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.checking.ContainerChecks;
import org.wedops.health.checking.SourcePolling;

/** The Docker source exists only when enabled ({@code wedops.health.docker.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wedops.health.docker.enabled", havingValue = "true")
class DockerSourceConfiguration {

    @Bean
    DockerEngine dockerEngine(HealthCollectorProperties properties) {
        return new DockerEngine(properties.docker());
    }

    @Bean
    DockerContainerSource dockerContainerSource(DockerEngine engine, ContainerChecks checks, HealthCollectorProperties properties,
                                                SourcePolling polling, Clock clock) {
        return new DockerContainerSource(engine, checks, properties, polling, clock);
    }
}
