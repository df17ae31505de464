package org.wedops.planner;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.wedops.events.AlertSource;

/** Wedding calendar (from ops.weddings.v1) → protection state per region → scaling decisions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScalingPlannerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScalingPlannerApplication.class, args);
    }

    /** What this service's alerts carry as source, and the one way they are built. */
    @Bean
    AlertSource alertSource(Clock clock) {
        return new AlertSource("scaling-planner", clock);
    }
}
