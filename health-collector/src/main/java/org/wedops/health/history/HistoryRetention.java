package org.wedops.health.history;

import java.time.Clock;
import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.health.status.TargetStatusStore;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Mono;

/** Keeps check history for the configured retention (default 30 days). */
@Component
@RequiredArgsConstructor
class HistoryRetention {

    /** History is kept for days: an hour late is nothing, and one delete an hour stays small. */
    static final Duration EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final TargetStatusStore store;
    private final HistoryProperties settings;
    private final Clock clock;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("history retention", EVERY, this::deleteExpiredHistory);
    }

    Mono<Void> deleteExpiredHistory() {
        return store.deleteHistoryBefore(clock.instant().minus(settings.retention()))
                .doOnNext(deleted -> log.info("Deleted {} health check(s) older than {}", deleted, settings.retention()))
                .then();
    }
}
