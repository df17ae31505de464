package org.wedops.apm.ingest;

import lombok.RequiredArgsConstructor;
import org.wedops.support.web.InvalidRequestException;

/**
 * What a batch's id may be, and which one a batch has: the {@code Idempotency-Key} header, the body's {@code batchId},
 * or both when they agree. A batch without either has none, and is taken without being remembered. Pure Java.
 */
@RequiredArgsConstructor
final class BatchIds {

    static final String HEADER = "Idempotency-Key";
    static final String FIELD = "batchId";

    private final int maxLength;

    /**
     * @param field where the batch id came from, named in the problem
     * @throws InvalidRequestException when the id is empty, longer than {@code wedops.apm.idempotency.max-key-length}
     *                                 or holds other than letters, digits and {@code . _ : -}
     */
    void check(String field, String batchId) {
        if (batchId == null) {
            return;
        }
        if (batchId.isEmpty() || batchId.length() > maxLength || !BatchIdSettings.KEY.matcher(batchId).matches()) {
            throw new InvalidRequestException(field, "must be 1 to " + maxLength + " letters, digits or . _ : -");
        }
    }

    /**
     * The batch's id from the header or the body (the same if both), or null when it has none. The header's was
     * checked when the request arrived; the body's is checked here.
     *
     * @throws InvalidRequestException when the body's id is malformed, or differs from the header's
     */
    String of(String header, String inBody) {
        check(FIELD, inBody);
        if (header != null && inBody != null && !header.equals(inBody)) {
            throw new InvalidRequestException(FIELD, "must be the same as the " + HEADER + " header when both are given");
        }
        return header != null ? header : inBody;
    }

    /** Where the batch's id came from, to name it if it turns out to be used for another body. */
    static String source(String header) {
        return header != null ? HEADER : FIELD;
    }
}
