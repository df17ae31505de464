package org.wedops.planner.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.support.database.RecurringWork;

/** The instance's lease, renewed in the background once the schema is migrated, given up on shutdown. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class LeaseConfiguration {

    private final LeaseProperties properties;

    @Bean
    PlannerLease plannerLease(DatabaseClient db) {
        return new PlannerLease(db, properties.name(), properties.duration(), instanceName());
    }

    @EventListener(ApplicationReadyEvent.class)
    void keepRenewing(ApplicationReadyEvent event) {
        PlannerLease lease = event.getApplicationContext().getBean(PlannerLease.class);
        RecurringWork work = event.getApplicationContext().getBean(RecurringWork.class);
        work.start("planner lease", properties.renewEvery(), lease::renew);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "planner";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
