package org.wedops.health.history;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.status.TargetStatusStore;

import reactor.core.publisher.Mono;

/** Keeps check history for the configured retention (default 30 days). */
@Component
class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final TargetStatusStore store;
    private final HealthCollectorProperties properties;
    private final Clock clock;

    HistoryRetention(TargetStatusStore store, HealthCollectorProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    Mono<Void> deleteExpiredHistory() {
        return store.deleteHistoryBefore(clock.instant().minus(properties.retention()))
                .doOnNext(deleted -> log.info("Deleted {} health check(s) older than {}", deleted, properties.retention()))
                .then();
    }
}
