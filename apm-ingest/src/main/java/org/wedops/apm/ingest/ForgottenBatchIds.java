package org.wedops.apm.ingest;

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

/**
 * Deletes the ledger's batch ids older than {@code wedops.apm.idempotency.remember}, once per that interval: the
 * ledger ignores them already, this only keeps the table small. Apart from {@link BatchLedger}, so that a ledger is a
 * plain object that starts no work of its own.
 */
@Component
@RequiredArgsConstructor
class ForgottenBatchIds {

    private static final Logger log = LoggerFactory.getLogger(ForgottenBatchIds.class);

    private final DatabaseClient db;
    private final Clock clock;
    private final BatchIdSettings batchIds;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("forgotten batch ids", batchIds.remember(), this::forget);
    }

    Mono<Void> forget() {
        return db.sql("delete from ingest_batch where claimed_at < :before")
                .bind("before", clock.instant().minus(batchIds.remember()).atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .doOnNext(rows -> log.debug("{} batch ids older than {} forgotten", rows, batchIds.remember()))
                .then();
    }
}
