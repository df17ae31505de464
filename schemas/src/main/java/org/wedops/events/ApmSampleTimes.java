package org.wedops.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sets a sample's two instants as the generated setters do, truncated to the millisecond of {@code timestamp-millis},
 * but without truncating again what is whole milliseconds already: the setters' {@code truncatedTo} was a sixteenth of
 * the HTTP event loop's time in bench/apm-ingest, for instants that nearly always needed nothing.
 */
public final class ApmSampleTimes {

    private static final int OCCURRED_AT = ApmSample.SCHEMA$.getField("occurredAt").pos();
    private static final int TIMESTAMP = ApmSample.SCHEMA$.getField("timestamp").pos();

    private ApmSampleTimes() {
    }

    public static void setOccurredAt(ApmSample sample, Instant occurredAt) {
        sample.put(OCCURRED_AT, millis(occurredAt));
    }

    public static void setTimestamp(ApmSample sample, Instant timestamp) {
        sample.put(TIMESTAMP, millis(timestamp));
    }

    private static Instant millis(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? instant : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
