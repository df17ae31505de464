package org.wedops.apm.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many distinct series the door keeps open per service, and for how many services ({@link SeriesCap},
 * {@link ServiceTagLimit}). Checked when bound, so a wrong value stops the start naming the property.
 *
 * @param maxPerService most distinct series (kind, operation, provider, region, environment) one service may have
 *                      at once; a sample of a new series beyond it is rejected
 * @param maxServices   most services tracked at once; a sample of a new service beyond it is rejected. With
 *                      {@code maxPerService} it bounds the door's memory and every per-service meter downstream
 * @param idleAfter     a series (or service) not seen for this long frees its place
 */
@ConfigurationProperties("wedops.apm.series")
public record SeriesSettings(
        @DefaultValue("1000") int maxPerService,
        @DefaultValue("1000") int maxServices,
        @DefaultValue("1h") Duration idleAfter) {

    public SeriesSettings {
        require(maxPerService > 0, "wedops.apm.series.max-per-service must be positive");
        require(maxServices > 0, "wedops.apm.series.max-services must be positive");
        require(idleAfter != null && idleAfter.toMillis() > 0, "wedops.apm.series.idle-after must be positive");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
