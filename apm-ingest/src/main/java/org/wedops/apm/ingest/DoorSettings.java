package org.wedops.apm.ingest;

import java.time.Duration;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of apm-ingest's door, {@code POST /api/apm/samples}. Checked when bound, so a wrong value stops the start
 * naming the property.
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
 * @param labels          length and count limits of a sample's labels ({@code wedops.apm.labels.*})
 */
@Validated
@ConfigurationProperties("wedops.apm")
public record DoorSettings(
        @DefaultValue("5000") int maxBatchSamples,
        @DefaultValue("5MB") DataSize maxBatchSize,
        @DefaultValue("10s") Duration maxFutureSkew,
        @DefaultValue("24h") Duration maxDuration,
        @DefaultValue @Valid LabelLimits labels) {

    public DoorSettings {
        require(maxBatchSamples > 0, "wedops.apm.max-batch-samples must be positive");
        require(maxBatchSize != null && maxBatchSize.toBytes() > 0 && maxBatchSize.toBytes() <= Integer.MAX_VALUE - 8,
                "wedops.apm.max-batch-size must be positive and under 2 GB");
        require(maxFutureSkew != null && !maxFutureSkew.isNegative(), "wedops.apm.max-future-skew must not be negative");
        require(maxDuration != null && maxDuration.toMillis() > 0, "wedops.apm.max-duration must be positive");
        require(labels != null, "wedops.apm.labels must be set");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
