package org.wedops.apm.ingest;

import java.security.Principal;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.apm.ApmIngestProperties;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

@RestController
class SampleBatchController {

    static final String PATH = "/api/apm/samples";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final byte[] NO_BODY = new byte[0];

    private final SampleBatchReader reader;
    private final SampleIngest ingest;
    private final BatchAnswers answers;
    private final ApmIngestProperties properties;
    private final int maxBytes;

    SampleBatchController(SampleBatchReader reader, SampleIngest ingest, BatchAnswers answers, ApmIngestProperties properties) {
        this.reader = reader;
        this.ingest = ingest;
        this.answers = answers;
        this.properties = properties;
        this.maxBytes = (int) properties.maxBatchSize().toBytes();
    }

    /**
     * Takes the valid samples of a batch and names each field at fault in the others; see {@link IngestResult}. The
     * body is read only up to {@code wedops.apm.max-batch-size}: one that says it is larger is refused before a byte of
     * it is read, one that turns out larger as soon as the limit is passed. With a batch id ({@code Idempotency-Key}
     * or {@code batchId}), a retry of a batch already taken gets the first answer and nothing is taken again.
     */
    @PostMapping(PATH)
    Mono<IngestResult> samples(ServerHttpRequest request, Principal caller) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(tooLarge());
        }
        String idempotencyKey = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
        checkBatchId(IDEMPOTENCY_KEY, idempotencyKey);
        return DataBufferUtils.join(upToTheLimit(request.getBody()))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> take(body, idempotencyKey, caller == null ? "" : caller.getName()));
    }

    /**
     * The body, failing with 413 as soon as more than the limit has arrived, which stops reading. Not
     * {@code DataBufferUtils.join(body, limit)}: it throws from inside {@code onNext}, and Reactor Netty then released the
     * chunk a second time and closed the connection without an answer.
     */
    private Flux<DataBuffer> upToTheLimit(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            long[] received = {0};
            return body.handle((DataBuffer buffer, SynchronousSink<DataBuffer> sink) -> {
                received[0] += buffer.readableByteCount();
                if (received[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    private Mono<IngestResult> take(byte[] body, String idempotencyKey, String caller) {
        SampleBatchReader.ReadBatch batch = reader.read(body, properties.maxBatchSamples());
        String batchId = batchId(idempotencyKey, batch.batchId());
        if (batchId == null) {
            return ingest.ingest(batch.samples());
        }
        return answers.answer(caller, batchId, idempotencyKey != null ? IDEMPOTENCY_KEY : "batchId", body,
                () -> ingest.ingest(batch.samples(), SampleEventIds.forBatch(caller, batchId)));
    }

    /** The batch's id from the header or the body (the same if both), or null when it has none. */
    private String batchId(String idempotencyKey, String inBody) {
        checkBatchId("batchId", inBody);
        if (idempotencyKey != null && inBody != null && !idempotencyKey.equals(inBody)) {
            throw new InvalidRequestException("batchId", "must be the same as the " + IDEMPOTENCY_KEY + " header when both are given");
        }
        return idempotencyKey != null ? idempotencyKey : inBody;
    }

    private void checkBatchId(String field, String batchId) {
        if (batchId == null) {
            return;
        }
        int maxLength = properties.idempotency().maxKeyLength();
        if (batchId.isEmpty() || batchId.length() > maxLength || !ApmIngestProperties.Idempotency.KEY.matcher(batchId).matches()) {
            throw new InvalidRequestException(field, "must be 1 to " + maxLength + " letters, digits or . _ : -");
        }
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "A batch's body holds at most " + properties.maxBatchSize().toBytes()
                + " bytes (wedops.apm.max-batch-size); this one has more. Split it; nothing was taken.");
    }
}
