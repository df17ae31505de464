package org.wedops.planner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Wedding calendar (from ops.weddings.v1) → protection state per region → scaling decisions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScalingPlannerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScalingPlannerApplication.class, args);
    }
}
