package org.wedops.apm.alerting;

import java.util.Map;
import java.util.stream.Stream;

import org.wedops.events.AlertSource;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;

/**
 * Something apm-ingest judged right now: whether it is wrong ({@code firing}), and what an alert about it says.
 *
 * @param subject what the condition is about (a model, a series), so a whole subject's states can be read at once
 */
public record AlertCondition(String fingerprint, String subject, String name, Severity severity, String service, String region,
                             ThresholdProfile profile, String summary, Map<String, String> labels, boolean firing) {

    /** Stable per source, name and the parts that tell one instance of the condition from another. */
    public static String fingerprint(String name, String... parts) {
        return AlertSource.fingerprintOf(ConditionAlerts.SOURCE, Stream.concat(Stream.of(name), Stream.of(parts)).toArray(String[]::new));
    }
}
