package org.wedops.apm.errors;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.wedops.events.ApmSample;

/** A batch of failed samples folded into one count per error group, so the database takes one row per group. */
final class ErrorGroupCounts {

    record Count(String fingerprint, String kind, String service, String operation, String errorType, long count,
                 Instant firstSeen, Instant lastSeen, Integer lastStatus) {

        Count plus(ApmSample sample) {
            boolean later = sample.getTimestamp().isAfter(lastSeen);
            return new Count(fingerprint, kind, later ? sample.getService() : service, operation, errorType, count + 1,
                    sample.getTimestamp().isBefore(firstSeen) ? sample.getTimestamp() : firstSeen,
                    later ? sample.getTimestamp() : lastSeen, later && sample.getStatusCode() != null ? sample.getStatusCode() : lastStatus);
        }
    }

    private ErrorGroupCounts() {
    }

    static Collection<Count> of(Collection<ApmSample> samples) {
        Map<String, Count> counts = new LinkedHashMap<>();
        for (ApmSample sample : samples) {
            if (sample.getSuccess()) {
                continue;
            }
            String fingerprint = ErrorFingerprint.of(sample);
            counts.merge(fingerprint, new Count(fingerprint, sample.getKind().name(), sample.getService(), sample.getOperation(),
                            ErrorFingerprint.errorType(sample), 1, sample.getTimestamp(), sample.getTimestamp(), sample.getStatusCode()),
                    (known, first) -> known.plus(sample));
        }
        return counts.values();
    }
}
