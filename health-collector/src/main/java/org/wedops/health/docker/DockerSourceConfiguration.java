package org.wedops.health.docker;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wedops.events.HealthSource;
import org.wedops.health.checking.ContainerChecks;
import org.wedops.health.checking.SourcePolling;
import org.wedops.health.restart.Restarter;

/**
 * The Docker source exists only when enabled ({@code wedops.health.docker.enabled=true}): the engine, what watches
 * its containers and, apart from it, what restarts them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wedops.health.docker.enabled", havingValue = "true")
class DockerSourceConfiguration {

    @Bean
    DockerEngine dockerEngine(DockerProperties settings) {
        return new DockerEngine(settings);
    }

    @Bean
    Restarter dockerRestarter(DockerEngine engine) {
        return new Restarter(HealthSource.DOCKER, container -> engine.client().restartContainerCmd(container).withTimeout(10).exec());
    }

    @Bean
    DockerContainerSource dockerContainerSource(DockerEngine engine, ContainerChecks checks, DockerProperties settings,
                                                SourcePolling polling, Clock clock) {
        return new DockerContainerSource(engine, checks, settings, polling, clock);
    }
}
