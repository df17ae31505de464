package org.wedops.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service declares and uses the WedOps topics.
 *
 * @param bootstrapServers  the brokers, copied into {@code spring.kafka.bootstrap-servers}
 * @param partitions        partitions of every topic this service creates if missing; partitions carry horizontal scale
 * @param replicationFactor replicas of every topic it creates (1 locally, 3 in production)
 * @param processingRetries retries of a record whose processing failed for a non-transient reason, before it goes
 *                          to the dead-letter topic
 * @param processingBackoff pause between those retries
 * @param transientBackoffMax the longest pause between retries of a record that failed because the database or
 *                          broker was unreachable; such records are retried until they succeed, never dead-lettered
 * @param listenerCallTimeout the longest a listener waits for the database call a record needs; a call that takes
 *                          longer counts as an outage (retried, never dead-lettered), so no consumer hangs on it
 * @param minInsyncReplicas {@code min.insync.replicas} of every topic it creates (2 in production, with 3 replicas and
 *                          acks=all: a write survives one broker down); unset leaves the broker's default
 */
@ConfigurationProperties("wedops.kafka")
public record WedopsKafkaProperties(
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("2") int processingRetries,
        @DefaultValue("200ms") Duration processingBackoff,
        @DefaultValue("30s") Duration transientBackoffMax,
        @DefaultValue("30s") Duration listenerCallTimeout,
        Integer minInsyncReplicas) {
}
