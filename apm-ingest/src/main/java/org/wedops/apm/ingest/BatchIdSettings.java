package org.wedops.apm.ingest;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How batch ids ({@code Idempotency-Key} header or {@code batchId} field) are remembered ({@link BatchAnswers},
 * {@link BatchLedger}, {@link ForgottenBatchIds}). Checked when bound, so a wrong value stops the start naming the
 * property.
 *
 * @param remember     how long a batch id is remembered with the answer to its batch; a retry within it gets that
 *                     answer and nothing is taken again
 * @param maxBatches   most batch ids remembered at once (the oldest are forgotten first)
 * @param maxKeyLength longest batch id accepted; a batch id is letters, digits and {@code . _ : -}
 * @param abandonAfter how long a batch another instance claimed may stay unanswered before a retry takes it over
 *                     (that instance died while taking it); longer than taking a batch can last
 */
@ConfigurationProperties("wedops.apm.idempotency")
public record BatchIdSettings(
        @DefaultValue("15m") Duration remember,
        @DefaultValue("100000") int maxBatches,
        @DefaultValue("128") int maxKeyLength,
        @DefaultValue("2m") Duration abandonAfter) {

    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]+");

    public BatchIdSettings {
        require(remember != null && remember.toMillis() > 0, "wedops.apm.idempotency.remember must be positive");
        require(maxBatches > 0, "wedops.apm.idempotency.max-batches must be positive");
        require(maxKeyLength > 0 && maxKeyLength <= 256, "wedops.apm.idempotency.max-key-length must be between 1 and 256");
        require(abandonAfter != null && abandonAfter.toMillis() > 0 && abandonAfter.compareTo(remember) < 0,
                "wedops.apm.idempotency.abandon-after must be positive and shorter than wedops.apm.idempotency.remember");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
