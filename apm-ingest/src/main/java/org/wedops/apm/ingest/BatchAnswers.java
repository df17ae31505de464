package org.wedops.apm.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * The answers to recent batches that had a batch id, per caller: a retry of a batch whose answer the emitter lost gets
 * the first answer, and its samples are not taken again. A retry that arrives while the first attempt is still being
 * taken waits for that attempt's answer on this instance, and is refused with 409 when another instance is taking it.
 * A failed attempt (refused, or the broker unreachable) is forgotten at once, so its retry is taken afresh. A batch id
 * used again for a different body is refused: taking it would give its samples the first batch's event ids.
 * <p>
 * Each instance remembers its recent batches in memory, and every instance shares the {@link BatchLedger}, so a retry
 * that reaches another instance, or this one after a restart, is answered too, within
 * {@code wedops.apm.idempotency.remember}. When the database cannot be reached the batch is taken on this instance's
 * memory alone rather than refused: the APM pipeline must not go blind because its database did; a retry that then
 * reaches another instance is taken again, with the same event ids. So is the retry of a batch whose instance died
 * while taking it, once {@code abandon-after} has passed.
 */
@Component
class BatchAnswers {

    private static final Logger log = LoggerFactory.getLogger(BatchAnswers.class);

    private final Cache<String, Attempt> attempts;
    private final BatchLedger ledger;
    private final String forgottenAfter;

    BatchAnswers(BatchIdSettings batchIds, BatchLedger ledger) {
        this.ledger = ledger;
        this.attempts = Caffeine.newBuilder()
                .expireAfterWrite(batchIds.remember())
                .maximumSize(batchIds.maxBatches())
                .build();
        this.forgottenAfter = SampleValidator.describe(batchIds.remember());
    }

    /**
     * The first answer to the caller's batch with this id, taking the batch only if there is none.
     *
     * @param field where the batch id came from, to name it if it was used for another body
     * @param body  the batch as sent, to tell a retry from another batch under the same id
     * @param take  takes the batch; called at most once per remembered id, by any instance
     */
    Mono<IngestResult> answer(String caller, String batchId, String field, byte[] body, Supplier<Mono<IngestResult>> take) {
        String key = caller + '\n' + batchId;
        CRC32C crc = new CRC32C();
        crc.update(body);
        Attempt mine = new Attempt(crc.getValue(), body.length, new CompletableFuture<>());
        Attempt first = attempts.asMap().putIfAbsent(key, mine);
        if (first != null) {
            if (first.checksum() != mine.checksum() || first.length() != mine.length()) {
                return Mono.error(usedForAnotherBody(field));
            }
            // a caller who gives up must not cancel the attempt another retry may be waiting for
            return Mono.fromFuture(first.answer(), true);
        }
        try {
            attempt(caller, batchId, field, mine, take).subscribe(mine.answer()::complete, failed -> {
                attempts.asMap().remove(key, mine);
                mine.answer().completeExceptionally(failed);
            });
        } catch (RuntimeException failed) {
            attempts.asMap().remove(key, mine);
            throw failed;
        }
        return Mono.fromFuture(mine.answer(), true);
    }

    private Mono<IngestResult> attempt(String caller, String batchId, String field, Attempt mine, Supplier<Mono<IngestResult>> take) {
        return ledger.claim(caller, batchId, mine.checksum(), mine.length())
                .onErrorResume(unreachable -> {
                    log.warn("Batch ledger unreachable ({}); batch {} of {} is taken on this instance's memory alone", unreachable.toString(), batchId, caller);
                    return Mono.just(new BatchLedger.Claim.Won());
                })
                .flatMap(claim -> decide(claim, caller, batchId, field, take));
    }

    private Mono<IngestResult> decide(BatchLedger.Claim claim, String caller, String batchId, String field, Supplier<Mono<IngestResult>> take) {
        if (claim instanceof BatchLedger.Claim.Answered answered) {
            return Mono.just(answered.answer());
        }
        if (claim instanceof BatchLedger.Claim.OtherBody) {
            return Mono.error(usedForAnotherBody(field));
        }
        if (claim instanceof BatchLedger.Claim.BeingTaken taken) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                    "Another apm-ingest instance is taking the batch with this id right now; retry in a few seconds (at most "
                            + Math.max(1, taken.atMost().toSeconds()) + " s) to get its answer."));
        }
        return Mono.defer(take)
                .flatMap(answer -> ledger.answered(caller, batchId, answer)
                        .onErrorResume(unreachable -> logged("answer", batchId, unreachable))
                        .thenReturn(answer))
                .onErrorResume(failed -> ledger.release(caller, batchId)
                        .onErrorResume(unreachable -> logged("release", batchId, unreachable))
                        .then(Mono.error(failed)));
    }

    private InvalidRequestException usedForAnotherBody(String field) {
        return new InvalidRequestException(field, "was used for another batch within the last " + forgottenAfter
                + "; a retry must send the same body, a new batch needs a new id");
    }

    private static Mono<Void> logged(String what, String batchId, Throwable unreachable) {
        log.warn("Batch ledger unreachable, could not record the {} of batch {}: {}", what, batchId, unreachable.toString());
        return Mono.empty();
    }

    private record Attempt(long checksum, int length, CompletableFuture<IngestResult> answer) {
    }
}
