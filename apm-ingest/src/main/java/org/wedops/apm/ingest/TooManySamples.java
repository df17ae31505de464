package org.wedops.apm.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A batch with more samples than the door takes at once: refused whole with 413 as soon as the one too many is reached. */
final class TooManySamples extends ResponseStatusException {

    TooManySamples(int maxSamples) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "A batch holds at most " + maxSamples + " samples (wedops.apm.max-batch-samples); this one has more. "
                + "Split it; nothing was taken.");
    }
}
