package org.wedops.support.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Whether a dead letter fits in one produce request. A dead letter is its record plus the error headers, so a record
 * just under the size limit makes one just over it, and its failed send stopped the partition for good (a listener
 * retried the record; a Streams task under exactly-once had its transaction poisoned). Such a dead letter leaves the
 * value out and says so in {@link #VALUE_LEFT_OUT_HEADER}; its headers still say where the original is. Shared by the
 * listeners' error path and apm-ingest's Streams dead letters.
 */
public final class DeadLetterSize {

    /** Set instead of the value when the value had to be left out: the original value's size in bytes. */
    public static final String VALUE_LEFT_OUT_HEADER = "wedops_dlt-value-left-out";

    /** The producer's default {@code max.request.size}. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

    /** Room for the record batch's own overhead, which the producer counts against max.request.size too. */
    private static final int BATCH_OVERHEAD = 1024;

    private DeadLetterSize() {
    }

    public static boolean fits(int keySize, int valueSize, Headers headers, int maxRequestSize) {
        int total = Math.max(keySize, 0) + Math.max(valueSize, 0) + BATCH_OVERHEAD;
        for (Header header : headers) {
            total += header.key().length() + (header.value() == null ? 0 : header.value().length) + 8;
        }
        return total <= maxRequestSize;
    }

    /** Marks {@code headers} as those of a dead letter whose value of {@code valueSize} bytes was left out. */
    public static void markValueLeftOut(Headers headers, int valueSize) {
        headers.add(VALUE_LEFT_OUT_HEADER, Integer.toString(Math.max(valueSize, 0)).getBytes(StandardCharsets.UTF_8));
    }
}
