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
 */
@ConfigurationProperties("wedops.apm.windows")
public record WindowSettings(
        @DefaultValue("30s") Duration grace,
        @DefaultValue("wedops-apm-windows") String applicationId,
        String stateDir,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("1") int threads,
        @DefaultValue("30s") Duration closeTimeout) {

    public WindowSettings {
        if (stateDir == null || stateDir.isBlank()) {
            // @DefaultValue resolves no placeholders, so the default is made here
            stateDir = Path.of(System.getProperty("java.io.tmpdir"), "wedops-apm-streams").toString();
        }
    }

    /** Windows are one minute long: the unit every query re-aggregates from. */
    public static final Duration SIZE = Duration.ofMinutes(1);
}
