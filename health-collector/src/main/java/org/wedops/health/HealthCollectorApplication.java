package org.wedops.health;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sources (HTTP probes) → classification → publishing to ops.health.v1 → alerts on ops.alerts.v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class HealthCollectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthCollectorApplication.class, args);
    }
}
