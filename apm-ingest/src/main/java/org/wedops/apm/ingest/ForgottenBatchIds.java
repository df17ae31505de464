package org.wedops.apm.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class ForgottenBatchIds {

    private static final Logger log = LoggerFactory.getLogger(ForgottenBatchIds.class);

    private final DatabaseClient db;
    private final Clock clock;
    private final Duration remember;

    ForgottenBatchIds(DatabaseClient db, Clock clock, BatchIdSettings batchIds, RecurringWork work) {
        this.db = db;
        this.clock = clock;
        this.remember = batchIds.remember();
        work.start("forgotten batch ids", remember, this::forget);
    }

    Mono<Void> forget() {
        return db.sql("delete from ingest_batch where claimed_at < :before")
                .bind("before", clock.instant().minus(remember).atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .doOnNext(rows -> log.debug("{} batch ids older than {} forgotten", rows, remember))
                .then();
    }
}
