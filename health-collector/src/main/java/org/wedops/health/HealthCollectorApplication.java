package org.wedops.health;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.wedops.events.AlertSource;
import org.wedops.health.publishing.HealthAlertPublisher;

/** Sources (HTTP probes) → classification → publishing to ops.health.v1 → alerts on ops.alerts.v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HealthCollectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthCollectorApplication.class, args);
    }

    @Bean
    AlertSource alertSource(Clock clock) {
        return new AlertSource(HealthAlertPublisher.SOURCE, clock);
    }
}
