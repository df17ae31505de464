package org.wedops.apm.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.wedops.events.ApmSample;

/**
 * Adds each sample to its series' tumbling 1-minute window in event time and emits a window once it has closed: when
 * the partition's stream time (the latest sample time seen) reaches the window's end plus the grace. A sample whose
 * window has already closed is dropped and counted as {@code apm.samples.late} per service. The same rules as Streams'
 * windowed aggregation with suppression until the window closes.
 */
final class WindowAccumulator implements Processor<String, ApmSample, String, SpecificRecord> {

    private static final long SIZE_MS = WindowSettings.SIZE.toMillis();

    private final long graceMs;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String storeName;
    private ProcessorContext<String, SpecificRecord> context;
    private OpenWindows windows;

    WindowAccumulator(Duration grace, MeterRegistry meters, Clock clock, String storeName) {
        this.graceMs = grace.toMillis();
        this.meters = meters;
        this.clock = clock;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.windows = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ApmSample> record) {
        long start = record.timestamp() - Math.floorMod(record.timestamp(), SIZE_MS);
        // windows starting at or before this have closed: stream time has reached their end plus the grace
        long lastClosedStart = context.currentStreamTimeMs() - SIZE_MS - graceMs;
        if (start <= lastClosedStart) {
            late(record.value().getService()).increment();
        } else {
            windows.window(record.key(), start).add(record.value());
        }
        for (OpenWindows.ClosedWindow closed : windows.closeStartingUpTo(lastClosedStart)) {
            Instant windowStart = Instant.ofEpochMilli(closed.start());
            Instant end = windowStart.plus(WindowSettings.SIZE);
            context.forward(new Record<>(closed.series(), closed.aggregate().toWindow(closed.series(), windowStart, end, clock.instant()),
                    end.toEpochMilli() - 1));
        }
    }

    private Counter late(String service) {
        return Counter.builder("apm.samples.late").description("samples that arrived after their window closed, not counted")
                .tag("service", service).register(meters);
    }
}
