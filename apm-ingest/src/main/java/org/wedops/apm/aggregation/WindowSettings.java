package org.wedops.apm.aggregation;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows pipeline on Kafka Streams.
 *
 * @param grace          how late (in event time) a sample may arrive and still be counted in its 1-minute window;
 *                       a window is emitted once the partition's stream time passes its end plus this
 * @param applicationId  the Streams application id: its consumer group, and the prefix of its internal topics
 * @param stateDir       where the window stores live on disk (rebuilt from the changelog topic when lost); the JVM's
 *                       temporary directory when not set
 * @param commitInterval how often a transaction commits (exactly-once v2); windows reach the topic no faster
 * @param threads        stream threads of this instance; instances together split the partitions
 * @param closeTimeout   how long a stopping instance waits for its last commit before it lets go (uncommitted samples are
 *                       processed again by whoever takes the partitions over)
 * @param maxDuration    longest duration a sample may carry and still be counted; emitters writing straight to Kafka pass
 *                       no validator, and a NaN, infinite, negative or absurd duration would break the window's sketch
 * @param maxLabelLength longest label (service, operation, provider, region, environment, error type, record key) a
 *                       sample may carry and still be counted; longer ones would bloat every window and row of its series
 * @param futureSkew     how far past its ingest time (the Kafka record's timestamp) a sample's own time may lie; a later
 *                       one is counted at ingest time plus this, so one bad clock cannot close other series' windows. At
 *                       most the grace, so a clamped sample never makes an honest one late
 * @param wallClockCloseEvery how often open windows are checked against the wall clock, so a window whose end plus grace
 *                       has passed is emitted even when nothing else arrives on its partition
 */
@ConfigurationProperties("wedops.apm.windows")
public record WindowSettings(
        @DefaultValue("30s") Duration grace,
        @DefaultValue("wedops-apm-windows") String applicationId,
        String stateDir,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("1") int threads,
        @DefaultValue("30s") Duration closeTimeout,
        @DefaultValue("24h") Duration maxDuration,
        @DefaultValue("256") int maxLabelLength,
        @DefaultValue("10s") Duration futureSkew,
        @DefaultValue("5s") Duration wallClockCloseEvery) {

    public WindowSettings {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("wedops.apm.windows.max-duration must be positive, was " + maxDuration);
        }
        if (maxLabelLength < 1) {
            throw new IllegalArgumentException("wedops.apm.windows.max-label-length must be positive, was " + maxLabelLength);
        }
        if (futureSkew.isNegative() || futureSkew.compareTo(grace) > 0) {
            throw new IllegalArgumentException("wedops.apm.windows.future-skew must lie between 0 and the grace (" + grace + "), was " + futureSkew);
        }
        if (wallClockCloseEvery.isNegative() || wallClockCloseEvery.isZero()) {
            throw new IllegalArgumentException("wedops.apm.windows.wall-clock-close-every must be positive, was " + wallClockCloseEvery);
        }
        if (stateDir == null || stateDir.isBlank()) {
            // @DefaultValue resolves no placeholders, so the default is made here
            stateDir = Path.of(System.getProperty("java.io.tmpdir"), "wedops-apm-streams").toString();
        }
    }

    /** Windows are one minute long: the unit every query re-aggregates from. */
    public static final Duration SIZE = Duration.ofMinutes(1);
}
