package org.wedops.apm.ingest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes a batch posted to the door: its body read up to the limit ({@link BatchBody}), its samples read
 * ({@link SampleBatchReader}), and either taken at once or, with a batch id ({@link BatchIds}), once per id
 * ({@link BatchAnswers}); see {@link IngestResult}.
 */
@Component
class SampleBatchIntake {

    private final SampleBatchReader reader;
    private final SampleIngest ingest;
    private final BatchAnswers answers;
    private final BatchBody bodies;
    private final BatchIds batchIds;
    private final int maxBatchSamples;

    SampleBatchIntake(SampleBatchReader reader, SampleIngest ingest, BatchAnswers answers, DoorSettings door, BatchIdSettings batchIdSettings) {
        this.reader = reader;
        this.ingest = ingest;
        this.answers = answers;
        this.bodies = new BatchBody(door.maxBatchSize());
        this.batchIds = new BatchIds(batchIdSettings.maxKeyLength());
        this.maxBatchSamples = door.maxBatchSamples();
    }

    /**
     * @param contentLength  the body's declared length, -1 when unknown
     * @param idempotencyKey the {@code Idempotency-Key} header, null when absent
     * @param caller         who posts, the scope of its batch ids
     */
    Mono<IngestResult> take(long contentLength, String idempotencyKey, Flux<DataBuffer> body, String caller) {
        if (bodies.declaredTooLarge(contentLength)) {
            return Mono.error(bodies.tooLarge());
        }
        batchIds.check(BatchIds.HEADER, idempotencyKey);
        return bodies.read(body).flatMap(bytes -> take(bytes, idempotencyKey, caller));
    }

    private Mono<IngestResult> take(byte[] body, String idempotencyKey, String caller) {
        SampleBatchReader.ReadBatch batch = reader.read(body, maxBatchSamples);
        String batchId = batchIds.of(idempotencyKey, batch.batchId());
        if (batchId == null) {
            return ingest.ingest(batch.samples());
        }
        return answers.answer(caller, batchId, BatchIds.source(idempotencyKey), body,
                () -> ingest.ingest(batch.samples(), SampleEventIds.forBatch(caller, batchId)));
    }
}
