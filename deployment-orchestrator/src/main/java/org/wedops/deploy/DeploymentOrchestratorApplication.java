package org.wedops.deploy;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.wedops.events.AlertSource;

/** Deploys only when the gate allows, verifies against live target health, and rolls back by itself. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeploymentOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeploymentOrchestratorApplication.class, args);
    }

    /** What this service's alerts carry as source, and the one way they are built. */
    @Bean
    AlertSource alertSource(Clock clock) {
        return new AlertSource("deployment-orchestrator", clock);
    }
}
