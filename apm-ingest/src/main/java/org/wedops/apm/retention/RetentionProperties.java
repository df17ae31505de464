package org.wedops.apm.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long stored data is kept; raw samples live only in Kafka (the topic's retention). Checked when bound, so a
 * wrong value stops the start naming the property.
 *
 * @param windows           closed 1-minute windows
 * @param errorGroups       an error group not seen for this long is dropped
 * @param modelObservations model observations are kept a year and a season, so a same-season reference has data
 * @param every             how often the clean-up runs
 */
@ConfigurationProperties("wedops.apm.retention")
public record RetentionProperties(
        @DefaultValue("90d") Duration windows,
        @DefaultValue("30d") Duration errorGroups,
        @DefaultValue("400d") Duration modelObservations,
        @DefaultValue("1h") Duration every) {

    public RetentionProperties {
        positive("wedops.apm.retention.windows", windows);
        positive("wedops.apm.retention.error-groups", errorGroups);
        positive("wedops.apm.retention.model-observations", modelObservations);
        positive("wedops.apm.retention.every", every);
    }

    /** A retention of zero would delete what was just stored. */
    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }
}
