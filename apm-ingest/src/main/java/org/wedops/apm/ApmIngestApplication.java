package org.wedops.apm;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.wedops.apm.alerting.ConditionAlerts;
import org.wedops.events.AlertSource;

/** Samples (REST batches and ops.apm.samples.v1) → 1-minute windows with quantile sketches; model observations → drift. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApmIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApmIngestApplication.class, args);
    }

    @Bean
    AlertSource alertSource(Clock clock) {
        return new AlertSource(ConditionAlerts.SOURCE, clock);
    }
}
