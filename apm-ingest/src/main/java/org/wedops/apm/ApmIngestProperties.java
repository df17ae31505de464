package org.wedops.apm;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.wedops.apm.ingest.LabelLimits;

/**
 * Settings of apm-ingest's door, {@code POST /api/apm/samples}. Checked when bound, so a wrong value stops the start.
 *
 * @param maxBatchSamples most samples one {@code POST /api/apm/samples} may carry; a larger batch is refused with 413
 *                        as a whole, as soon as the sample past the limit is reached, so an emitter splits it rather
 *                        than half of it being taken
 * @param maxBatchSize    most bytes a batch's body may have; a larger one is refused with 413 when its
 *                        {@code Content-Length} says so, or as soon as that many bytes have arrived, without reading on
 * @param maxFutureSkew   how far in the future a sample's timestamp may lie (emitters' clocks drift); a sample beyond it
 *                        is rejected. At most the windows' grace ({@code wedops.apm.windows.grace}): a sample further
 *                        ahead would move its partition's stream time past the present and close windows early
 * @param maxDuration     the longest {@code durationMs} a sample may carry; a longer one is rejected
 * @param labels          length and count limits of a sample's labels
 * @param series          how many distinct series the door keeps open per service, and for how many services
 * @param idempotency     how long a batch id is remembered, so that a retried batch is answered without taking it again
 */
@ConfigurationProperties("wedops.apm")
public record ApmIngestProperties(
        @DefaultValue("5000") int maxBatchSamples,
        @DefaultValue("5MB") DataSize maxBatchSize,
        @DefaultValue("10s") Duration maxFutureSkew,
        @DefaultValue("24h") Duration maxDuration,
        @DefaultValue LabelLimits labels,
        @DefaultValue Series series,
        @DefaultValue Idempotency idempotency) {

    public ApmIngestProperties {
        require(maxBatchSamples > 0, "wedops.apm.max-batch-samples must be positive");
        require(maxBatchSize.toBytes() > 0 && maxBatchSize.toBytes() <= Integer.MAX_VALUE - 8,
                "wedops.apm.max-batch-size must be positive and under 2 GB");
        require(!maxFutureSkew.isNegative(), "wedops.apm.max-future-skew must not be negative");
        require(maxDuration.toMillis() > 0, "wedops.apm.max-duration must be positive");
    }

    /**
     * @param maxPerService most distinct series (kind, operation, provider, region, environment) one service may have
     *                      at once; a sample of a new series beyond it is rejected
     * @param maxServices   most services tracked at once; a sample of a new service beyond it is rejected. With
     *                      {@code maxPerService} it bounds the door's memory and every per-service meter downstream
     * @param idleAfter     a series (or service) not seen for this long frees its place
     */
    public record Series(
            @DefaultValue("1000") int maxPerService,
            @DefaultValue("1000") int maxServices,
            @DefaultValue("1h") Duration idleAfter) {

        public Series {
            require(maxPerService > 0, "wedops.apm.series.max-per-service must be positive");
            require(maxServices > 0, "wedops.apm.series.max-services must be positive");
            require(idleAfter.toMillis() > 0, "wedops.apm.series.idle-after must be positive");
        }
    }

    /**
     * @param remember   how long a batch id ({@code Idempotency-Key} header or {@code batchId} field) is remembered with
     *                   the answer to its batch; a retry within it gets that answer and nothing is taken again
     * @param maxBatches most batch ids remembered at once (the oldest are forgotten first)
     * @param maxKeyLength longest batch id accepted; a batch id is letters, digits and {@code . _ : -}
     * @param abandonAfter how long a batch another instance claimed may stay unanswered before a retry takes it over
     *                   (that instance died while taking it); longer than taking a batch can last
     */
    public record Idempotency(
            @DefaultValue("15m") Duration remember,
            @DefaultValue("100000") int maxBatches,
            @DefaultValue("128") int maxKeyLength,
            @DefaultValue("2m") Duration abandonAfter) {

        public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]+");

        public Idempotency {
            require(remember.toMillis() > 0, "wedops.apm.idempotency.remember must be positive");
            require(maxBatches > 0, "wedops.apm.idempotency.max-batches must be positive");
            require(maxKeyLength > 0 && maxKeyLength <= 256, "wedops.apm.idempotency.max-key-length must be between 1 and 256");
            require(abandonAfter.toMillis() > 0 && abandonAfter.compareTo(remember) < 0,
                    "wedops.apm.idempotency.abandon-after must be positive and shorter than wedops.apm.idempotency.remember");
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
