package org.wedops.apm.errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.wedops.events.ApmSample;

/** Errors of the same kind, operation and error type are one group, whichever instance or region they came from. */
final class ErrorFingerprint {

    /** What a failed sample without an error type is grouped under. */
    static final String UNSPECIFIED = "unspecified";

    private ErrorFingerprint() {
    }

    static String errorType(ApmSample sample) {
        if (sample.getErrorType() != null && !sample.getErrorType().isBlank()) {
            return sample.getErrorType();
        }
        return sample.getStatusCode() != null ? "HTTP " + sample.getStatusCode() : UNSPECIFIED;
    }

    static String of(ApmSample sample) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (sample.getKind().name() + "\n" + sample.getOperation() + "\n" + errorType(sample)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
