package org.wedops.apm.ingest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.apm.ApmIngestProperties;

import reactor.core.publisher.Mono;

@RestController
class SampleBatchController {

    static final String PATH = "/api/apm/samples";

    private final SampleBatchReader reader;
    private final SampleIngest ingest;
    private final ApmIngestProperties properties;

    SampleBatchController(SampleBatchReader reader, SampleIngest ingest, ApmIngestProperties properties) {
        this.reader = reader;
        this.ingest = ingest;
        this.properties = properties;
    }

    /** Takes the valid samples of a batch and names each field at fault in the others; see {@link IngestResult}. */
    @PostMapping(PATH)
    Mono<IngestResult> samples(@RequestBody byte[] body) {
        List<SampleBatchReader.ReadSample> samples = reader.read(body);
        if (samples.size() > properties.maxBatchSamples()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "A batch holds at most " + properties.maxBatchSamples()
                    + " samples; this one has " + samples.size() + ". Split it; nothing was taken.");
        }
        return ingest.ingest(samples);
    }
}
