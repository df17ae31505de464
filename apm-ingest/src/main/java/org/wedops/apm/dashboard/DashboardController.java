package org.wedops.apm.dashboard;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class DashboardController {

    private final DashboardReader reader;

    DashboardController(DashboardReader reader) {
        this.reader = reader;
    }

    /** Per service and integration: throughput, error rate, p95/p99 now and 24 h ago, SLA status. */
    @GetMapping("/api/apm/dashboard")
    Mono<Dashboard> dashboard() {
        return reader.integrations().map(integrations -> new Dashboard(DashboardReader.RECENT.toMinutes(), integrations));
    }

    record Dashboard(long lastMinutes, List<IntegrationStatus> integrations) {
    }
}
