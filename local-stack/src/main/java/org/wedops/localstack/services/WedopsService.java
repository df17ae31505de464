package org.wedops.localstack.services;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

/** The services the local stack runs, with the port each takes (before any offset) and its own database. */
@RequiredArgsConstructor
public enum WedopsService {

    GATEWAY("gateway", 8080, null),
    HEALTH_COLLECTOR("health-collector", 8081, "health_collector"),
    DEPLOYMENT_ORCHESTRATOR("deployment-orchestrator", 8082, "deployment_orchestrator"),
    SCALING_PLANNER("scaling-planner", 8083, "scaling_planner"),
    APM_INGEST("apm-ingest", 8084, "apm_ingest"),
    ALERT_ROUTER("alert-router", 8085, "alert_router");

    private final String artifactId;
    private final int basePort;
    private final String database;

    /** Also the name of its jar under target/services/ and of its log file. */
    public String artifactId() {
        return artifactId;
    }

    public int basePort() {
        return basePort;
    }

    /** The gateway keeps no state of its own. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** Every service that the gateway routes to. */
    public static List<WedopsService> behindGateway() {
        return Arrays.stream(values()).filter(service -> service != GATEWAY).toList();
    }

    public static List<String> databases() {
        return Arrays.stream(values()).flatMap(service -> service.database().stream()).toList();
    }
}
