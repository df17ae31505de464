package org.wedops.apm.aggregation;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.wedops.events.ApmSample;

/**
 * Drops, and counts as {@code apm.samples.late}, a sample whose window has already closed: its stream time (the latest
 * sample time seen on the partition) has passed the window's end plus the grace. Kafka Streams would drop it too; this
 * makes the drop visible per service.
 */
final class LateSamples implements FixedKeyProcessor<String, ApmSample, ApmSample> {

    private final long sizeMs = WindowSettings.SIZE.toMillis();
    private final long graceMs;
    private final MeterRegistry meters;
    private FixedKeyProcessorContext<String, ApmSample> context;

    LateSamples(Duration grace, MeterRegistry meters) {
        this.graceMs = grace.toMillis();
        this.meters = meters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ApmSample> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ApmSample> record) {
        long windowEnd = record.timestamp() - Math.floorMod(record.timestamp(), sizeMs) + sizeMs;
        if (windowEnd + graceMs <= context.currentStreamTimeMs()) {
            counter(record.value().getService()).increment();
            return;
        }
        context.forward(record);
    }

    private Counter counter(String service) {
        return Counter.builder("apm.samples.late").description("samples that arrived after their window closed, not counted")
                .tag("service", service).register(meters);
    }
}
