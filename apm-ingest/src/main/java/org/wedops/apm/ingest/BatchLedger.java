package org.wedops.apm.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batches with a batch id that every apm-ingest instance shares, in the service's database: which one claimed a
 * batch, and the answer it gave. A claim is one statement, so two instances taking the same retry at once cannot both
 * win it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BatchLedger {

    /** What the ledger says about a batch a caller sends. */
    sealed interface Claim {
        /** This instance takes the batch; it records the answer or releases the claim. */
        record Won() implements Claim {
        }

        /** The batch was taken already: this is its answer. */
        record Answered(IngestResult answer) implements Claim {
        }

        /** The batch id was claimed for another body. */
        record OtherBody() implements Claim {
        }

        /** Another instance is taking the batch right now. */
        record BeingTaken(Duration atMost) implements Claim {
        }
    }

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;
    private final BatchIdSettings batchIds;

    /**
     * Claims the batch, unless an answer or a live claim exists for its id. An entry older than {@code remember} is
     * forgotten, as the instance's own memory forgets it. A claim left unanswered for {@code abandon-after} is taken
     * over, but only by a retry of the same body: the event ids of the samples it may already have sent are the ones
     * this retry's samples get.
     */
    Mono<Claim> claim(String caller, String batchId, long checksum, int length) {
        Instant now = clock.instant();
        return db.sql("""
                        insert into ingest_batch (caller, batch_id, checksum, length, claimed_at, answer)
                        values (:caller, :batchId, :checksum, :length, :now, null)
                        on conflict (caller, batch_id) do update
                            set checksum = excluded.checksum, length = excluded.length, claimed_at = excluded.claimed_at, answer = null
                            where ingest_batch.claimed_at < :forgottenBefore
                               or (ingest_batch.answer is null and ingest_batch.claimed_at < :abandonedBefore
                                   and ingest_batch.checksum = excluded.checksum and ingest_batch.length = excluded.length)
                        returning caller""")
                .bind("caller", caller).bind("batchId", batchId).bind("checksum", checksum).bind("length", length)
                .bind("now", utc(now))
                .bind("forgottenBefore", utc(now.minus(batchIds.remember())))
                .bind("abandonedBefore", utc(now.minus(batchIds.abandonAfter())))
                .fetch().rowsUpdated()
                .flatMap(claimed -> claimed > 0 ? Mono.<Claim>just(new Claim.Won()) : existing(caller, batchId, checksum, length, now));
    }

    private Mono<Claim> existing(String caller, String batchId, long checksum, int length, Instant now) {
        return db.sql("select checksum, length, claimed_at, answer from ingest_batch where caller = :caller and batch_id = :batchId")
                .bind("caller", caller).bind("batchId", batchId)
                .map((row, meta) -> {
                    if (row.get("checksum", Long.class) != checksum || row.get("length", Integer.class) != length) {
                        return new Claim.OtherBody();
                    }
                    String answer = row.get("answer", String.class);
                    if (answer != null) {
                        return new Claim.Answered(json.readValue(answer, IngestResult.class));
                    }
                    Instant claimedAt = row.get("claimed_at", OffsetDateTime.class).toInstant();
                    Duration left = Duration.between(now, claimedAt.plus(batchIds.abandonAfter()));
                    return (Claim) new Claim.BeingTaken(left.isNegative() ? Duration.ZERO : left);
                })
                .one()
                // the entry was forgotten between the two statements: as good as a claim lost to a faster retry
                .defaultIfEmpty(new Claim.BeingTaken(Duration.ZERO));
    }

    Mono<Void> answered(String caller, String batchId, IngestResult answer) {
        return db.sql("update ingest_batch set answer = :answer where caller = :caller and batch_id = :batchId")
                .bind("answer", json.writeValueAsString(answer)).bind("caller", caller).bind("batchId", batchId)
                .fetch().rowsUpdated().then();
    }

    /** The claim of an attempt that took nothing (refused, or the broker unreachable), so that its retry is taken. */
    Mono<Void> release(String caller, String batchId) {
        return db.sql("delete from ingest_batch where caller = :caller and batch_id = :batchId and answer is null")
                .bind("caller", caller).bind("batchId", batchId)
                .fetch().rowsUpdated().then();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
