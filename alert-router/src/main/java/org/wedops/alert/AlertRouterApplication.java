package org.wedops.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ops.alerts.v1 → alert state → notification outbox → receivers (Slack) → ops.notifications.v1. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertRouterApplication.class, args);
    }
}
