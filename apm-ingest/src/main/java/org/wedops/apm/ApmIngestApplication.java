package org.wedops.apm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Samples (REST batches and ops.apm.samples.v1) → 1-minute windows with quantile sketches; model observations → drift. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApmIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApmIngestApplication.class, args);
    }
}
