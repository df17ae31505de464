package org.wedops.apm.aggregation;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;

/**
 * Windows are in event time: when the measured call happened, not when its sample reached Kafka. A batch counts as
 * its earliest sample, so no sample of it is judged late by a later one of the same batch.
 *
 * <p>No sample's time may lie more than {@code futureSkew} past its ingest time (the record's Kafka timestamp: the HTTP
 * intake's clock for its batches, the producer's for direct emitters, bounded by the broker's
 * {@code log.message.timestamp.after.max.ms}). Stream time is the greatest sample time seen on a partition, so one sample
 * stamped 50 minutes ahead would close every open window there and make every other sample late. A later sample is
 * clamped to ingest time plus the skew and counted as {@code apm.samples.clamped}, not skipped: an honest emitter whose
 * clock runs a little fast keeps all its samples, counted a few seconds off, and a bad one's durations are still real.
 *
 * <p>The clamp is written into the sample itself, here, because only the extractor sees the record's timestamp; the
 * processor sees the extracted time, which for a batch is its earliest sample's. The sample is this record's own freshly
 * decoded object, and the record's timestamp never changes, so a replay after a crash clamps the same way.
 */
final class SampleTime implements TimestampExtractor {

    private final long skewMs;
    private final Counter clamped;

    SampleTime(Duration futureSkew, MeterRegistry meters) {
        this.skewMs = futureSkew.toMillis();
        this.clamped = Counter.builder("apm.samples.clamped")
                .description("samples stamped further past their ingest time than the allowed skew, counted at ingest time plus the skew")
                .register(meters);
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long ingest = record.timestamp();
        long latest = ingest < 0 || ingest > Long.MAX_VALUE - skewMs ? Long.MAX_VALUE : ingest + skewMs;
        long earliest = Long.MAX_VALUE;
        if (record.value() instanceof ApmSample sample) {
            earliest = clamp(sample, latest);
        } else if (record.value() instanceof ApmSampleBatch batch) {
            for (ApmSample sample : batch.getSamples()) {
                earliest = Math.min(earliest, clamp(sample, latest));
            }
        }
        // a sample before 1970 is refused by the SampleGuard; its time must not make Streams drop its whole batch
        return earliest == Long.MAX_VALUE ? ingest : earliest;
    }

    private long clamp(ApmSample sample, long latest) {
        long time = sample.getTimestamp().toEpochMilli();
        if (time < 0) {
            return Long.MAX_VALUE;
        }
        if (time <= latest) {
            return time;
        }
        clamped.increment();
        sample.setTimestamp(Instant.ofEpochMilli(latest));
        return latest;
    }
}
