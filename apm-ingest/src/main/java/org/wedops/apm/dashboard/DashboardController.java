package org.wedops.apm.dashboard;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
@RequiredArgsConstructor
class DashboardController {

    private final DashboardReader reader;

    /** Per service and integration: throughput, error rate, p95/p99 now and 24 h ago, SLA status. */
    @GetMapping("/api/apm/dashboard")
    Mono<Dashboard> dashboard() {
        return reader.integrations().map(integrations -> new Dashboard(DashboardReader.RECENT.toMinutes(), integrations));
    }

    record Dashboard(long lastMinutes, List<IntegrationStatus> integrations) {
    }
}
