package org.wedops.apm.ingest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * A batch's body, read only up to {@code wedops.apm.max-batch-size}: one that says it is larger is refused with 413
 * before a byte of it is read, one that turns out larger as soon as the limit is passed, which stops reading.
 */
final class BatchBody {

    private static final byte[] NO_BODY = new byte[0];

    private final int maxBytes;

    BatchBody(DataSize maxSize) {
        this.maxBytes = (int) maxSize.toBytes();
    }

    /** Whether the body's {@code Content-Length} (-1 when unknown) says it is over the limit. */
    boolean declaredTooLarge(long contentLength) {
        return contentLength > maxBytes;
    }

    /** The whole body (empty when there is none), or a 413 as soon as more than the limit has arrived. */
    Mono<byte[]> read(Flux<DataBuffer> body) {
        return DataBufferUtils.join(upToTheLimit(body))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(NO_BODY);
    }

    /**
     * Not {@code DataBufferUtils.join(body, limit)}: it throws from inside {@code onNext}, and Reactor Netty then
     * released the chunk a second time and closed the connection without an answer.
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

    ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "A batch's body holds at most " + maxBytes
                + " bytes (wedops.apm.max-batch-size); this one has more. Split it; nothing was taken.");
    }
}
