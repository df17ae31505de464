package org.wedops.apm.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.wedops.apm.ApmIngestProperties;

import reactor.core.publisher.Mono;

/**
 * The answers to recent batches that had a batch id, per caller: a retry of a batch whose answer the emitter lost gets
 * the first answer, and its samples are not taken again. A retry that arrives while the first attempt is still being
 * taken waits for that attempt's answer. A failed attempt (refused, or the broker unreachable) is forgotten at once, so
 * its retry is taken afresh.
 * <p>
 * The guarantee is this instance's and this process's: within {@code wedops.apm.idempotency.remember}, while the id
 * is among the {@code max-batches} most recent, and as long as the retry reaches the same instance. Beyond that a
 * retry is taken again, with the same event ids, for a consumer that deduplicates on them.
 */
@Component
class BatchAnswers {

    private final AsyncCache<String, IngestResult> answers;

    BatchAnswers(ApmIngestProperties properties) {
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.idempotency().remember())
                .maximumSize(properties.idempotency().maxBatches())
                .buildAsync();
    }

    /**
     * The first answer to the caller's batch with this id, taking the batch only if there is none.
     *
     * @param take takes the batch; called at most once per remembered id, on the caller's thread
     */
    Mono<IngestResult> answer(String caller, String batchId, Supplier<Mono<IngestResult>> take) {
        CompletableFuture<IngestResult> answer = answers.get(caller + '\n' + batchId, (key, executor) -> take.get().toFuture());
        // a caller who gives up must not cancel the attempt another retry may be waiting for
        return Mono.fromFuture(answer, true);
    }
}
