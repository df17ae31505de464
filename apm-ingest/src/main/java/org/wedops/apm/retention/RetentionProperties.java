package org.wedops.apm.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long stored data is kept; raw samples live only in Kafka (the topic's retention).
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
}
