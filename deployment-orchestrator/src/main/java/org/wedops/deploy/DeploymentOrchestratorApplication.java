package org.wedops.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Deploys only when the gate allows, verifies against live target health, and rolls back by itself. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeploymentOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeploymentOrchestratorApplication.class, args);
    }
}
