package org.wedops.apm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of apm-ingest.
 *
 * @param maxBatchSamples most samples one {@code POST /api/apm/samples} may carry; a larger batch is refused with 413
 *                        as a whole, so an emitter splits it rather than half of it being taken
 * @param maxFutureSkew   how far in the future a sample's timestamp may lie (emitters' clocks drift); a sample
 *                        beyond it is rejected, since it would land in a window that has not opened yet
 */
@ConfigurationProperties("wedops.apm")
public record ApmIngestProperties(
        @DefaultValue("5000") int maxBatchSamples,
        @DefaultValue("1h") Duration maxFutureSkew) {
}
