package org.wedops.apm.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.wedops.apm.ApmIngestProperties;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * The answers to recent batches that had a batch id, per caller: a retry of a batch whose answer the emitter lost gets
 * the first answer, and its samples are not taken again. A retry that arrives while the first attempt is still being
 * taken waits for that attempt's answer. A failed attempt (refused, or the broker unreachable) is forgotten at once, so
 * its retry is taken afresh. A batch id used again for a different body is refused: taking it would give its samples
 * the first batch's event ids.
 * <p>
 * The guarantee is this instance's and this process's: within {@code wedops.apm.idempotency.remember}, while the id
 * is among the {@code max-batches} most recent, and as long as the retry reaches the same instance. Beyond that a
 * retry is taken again, with the same event ids, for a consumer that deduplicates on them.
 */
@Component
class BatchAnswers {

    private final Cache<String, Attempt> attempts;
    private final String forgottenAfter;

    BatchAnswers(ApmIngestProperties properties) {
        this.attempts = Caffeine.newBuilder()
                .expireAfterWrite(properties.idempotency().remember())
                .maximumSize(properties.idempotency().maxBatches())
                .build();
        this.forgottenAfter = SampleValidator.describe(properties.idempotency().remember());
    }

    /**
     * The first answer to the caller's batch with this id, taking the batch only if there is none.
     *
     * @param field where the batch id came from, to name it if it was used for another body
     * @param body  the batch as sent, to tell a retry from another batch under the same id
     * @param take  takes the batch; called at most once per remembered id, on the caller's thread
     */
    Mono<IngestResult> answer(String caller, String batchId, String field, byte[] body, Supplier<Mono<IngestResult>> take) {
        String key = caller + '\n' + batchId;
        CRC32C crc = new CRC32C();
        crc.update(body);
        Attempt mine = new Attempt(crc.getValue(), body.length, new CompletableFuture<>());
        Attempt first = attempts.asMap().putIfAbsent(key, mine);
        if (first != null) {
            if (first.checksum() != mine.checksum() || first.length() != mine.length()) {
                return Mono.error(new InvalidRequestException(field, "was used for another batch within the last " + forgottenAfter
                        + "; a retry must send the same body, a new batch needs a new id"));
            }
            // a caller who gives up must not cancel the attempt another retry may be waiting for
            return Mono.fromFuture(first.answer(), true);
        }
        try {
            take.get().subscribe(mine.answer()::complete, failed -> {
                attempts.asMap().remove(key, mine);
                mine.answer().completeExceptionally(failed);
            });
        } catch (RuntimeException failed) {
            attempts.asMap().remove(key, mine);
            throw failed;
        }
        return Mono.fromFuture(mine.answer(), true);
    }

    private record Attempt(long checksum, int length, CompletableFuture<IngestResult> answer) {
    }
}
