package org.wedops.apm.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Mono;

/** Deletes what has outlived its retention, on a schedule; each table in a statement of its own. */
@Component
@RequiredArgsConstructor
class RetentionCleanup {

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    private final DatabaseClient db;
    private final RetentionProperties retention;
    private final Clock clock;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("apm retention", retention.every(), this::cleanUp);
    }

    Mono<Void> cleanUp() {
        return delete("apm_window", "window_start", retention.windows())
                .then(delete("apm_error_group", "last_seen", retention.errorGroups()))
                .then(delete("model_observation", "observed_at", retention.modelObservations()));
    }

    private Mono<Void> delete(String table, String column, Duration keep) {
        // table and column names are constants of this class, never input
        return db.sql("delete from " + table + " where " + column + " < :before")
                .bind("before", clock.instant().minus(keep).atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .doOnNext(rows -> {
                    if (rows > 0) {
                        log.info("Retention: {} rows of {} older than {} deleted", rows, table, keep);
                    }
                })
                .then();
    }
}
