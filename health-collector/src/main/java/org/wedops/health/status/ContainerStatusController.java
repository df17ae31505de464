package org.wedops.health.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthStatus;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/admin/infrastructure/containers")
@RequiredArgsConstructor
class ContainerStatusController {

    private final TargetStatusStore store;
    private final Clock clock;

    @GetMapping
    Flux<ContainerView> containers(@RequestParam(required = false) String service, @RequestParam(required = false) String region,
                                   @RequestParam(required = false) String status) {
        return store.all(service, region, status == null ? null : parseStatus(status)).map(ContainerView::of);
    }

    @GetMapping("/{id}")
    Mono<ContainerView> container(@PathVariable String id) {
        return store.find(id).map(ContainerView::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no status for '" + id + "'")));
    }

    @GetMapping("/{id}/history")
    Flux<ContainerHealthReported> history(@PathVariable String id, @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to) {
        return Mono.fromSupplier(() -> HistoryWindow.of(from, to, clock.instant()))
                .flatMapMany(window -> store.history(id, window.from(), window.to()));
    }

    private static HealthStatus parseStatus(String status) {
        try {
            return HealthStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of HEALTHY, DEGRADED, CRITICAL, UNKNOWN");
        }
    }

    /** Field names as in DESIGN.md's API sketch. */
    record ContainerView(String id, String service, String region, String source, String status,
                         List<String> reasons, Double responseTimeMs, Instant checkedAt, Instant changedAt) {
        static ContainerView of(TargetStatus status) {
            return new ContainerView(status.id(), status.service(), status.region(), status.source().name(),
                    status.status().name(), status.reasons(), status.responseTimeMs(), status.checkedAt(), status.changedAt());
        }
    }
}
