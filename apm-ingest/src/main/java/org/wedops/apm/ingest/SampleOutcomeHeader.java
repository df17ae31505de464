package org.wedops.apm.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A header on the sample batches this service puts on ops.apm.samples.v1 saying whether every sample in it succeeded, so
 * that a consumer interested only in failures (the error groups) need not decode the rest. Samples written to the topic by
 * emitters directly have no such header and are decoded.
 */
public final class SampleOutcomeHeader {

    public static final String NAME = "wedops_sample-outcome";

    private static final byte[] SUCCESS = "success".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAILURE = "failure".getBytes(StandardCharsets.UTF_8);

    private SampleOutcomeHeader() {
    }

    static void write(Headers headers, boolean success) {
        headers.add(NAME, success ? SUCCESS : FAILURE);
    }

    /**
     * Whether the record says of itself that it is a successful sample. Looked for from the front: it is written
     * before the serializer adds the CloudEvents headers, and every key looked at is decoded from the record.
     */
    public static boolean saysSuccess(Headers headers) {
        for (Header header : headers) {
            if (NAME.equals(header.key())) {
                return Arrays.equals(header.value(), SUCCESS);
            }
        }
        return false;
    }
}
