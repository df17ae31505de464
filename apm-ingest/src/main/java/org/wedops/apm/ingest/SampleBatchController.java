package org.wedops.apm.ingest;

import java.security.Principal;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
@RequiredArgsConstructor
class SampleBatchController {

    static final String PATH = "/api/apm/samples";

    private final SampleBatchIntake intake;

    /**
     * Takes the valid samples of a batch and names each field at fault in the others; see {@link IngestResult}. The
     * body is read only up to {@code wedops.apm.max-batch-size}. With a batch id ({@code Idempotency-Key} or
     * {@code batchId}), a retry of a batch already taken gets the first answer and nothing is taken again.
     */
    @PostMapping(PATH)
    Mono<IngestResult> samples(ServerHttpRequest request, Principal caller) {
        HttpHeaders headers = request.getHeaders();
        return intake.take(headers.getContentLength(), headers.getFirst(BatchIds.HEADER), request.getBody(),
                caller == null ? "" : caller.getName());
    }
}
