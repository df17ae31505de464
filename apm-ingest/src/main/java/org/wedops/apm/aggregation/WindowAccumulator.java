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
import org.wedops.apm.ingest.SeriesKey;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;

/**
 * Adds each sample (alone, keyed by its series, or in a batch) to its series' tumbling 1-minute window in event time and emits a window once it has closed: when
 * the partition's stream time (the latest sample time seen) reaches the window's end plus the grace. A sample whose
 * window has already closed is dropped and counted as {@code apm.samples.late} per service. The same rules as Streams'
 * windowed aggregation with suppression until the window closes.
 */
final class WindowAccumulator implements Processor<String, SpecificRecord, String, SpecificRecord> {

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
    public void process(Record<String, SpecificRecord> record) {
        // windows starting at or before this have closed: stream time has reached their end plus the grace
        long lastClosedStart = context.currentStreamTimeMs() - SIZE_MS - graceMs;
        if (record.value() instanceof ApmSampleBatch batch) {
            for (ApmSample sample : batch.getSamples()) {
                add(SeriesKey.of(sample), sample, lastClosedStart);
            }
        } else if (record.value() instanceof ApmSample sample) {
            add(record.key(), sample, lastClosedStart);
        }
        for (OpenWindows.ClosedWindow closed : windows.closeStartingUpTo(lastClosedStart)) {
            Instant windowStart = Instant.ofEpochMilli(closed.start());
            Instant end = windowStart.plus(WindowSettings.SIZE);
            context.forward(new Record<>(closed.series(), closed.aggregate().toWindow(closed.series(), windowStart, end, clock.instant()),
                    end.toEpochMilli() - 1));
        }
    }

    private void add(String series, ApmSample sample, long lastClosedStart) {
        long time = sample.getTimestamp().toEpochMilli();
        long start = time - Math.floorMod(time, SIZE_MS);
        if (start <= lastClosedStart) {
            late(sample.getService()).increment();
        } else {
            windows.window(series, start).add(sample);
        }
    }

    private Counter late(String service) {
        return Counter.builder("apm.samples.late").description("samples that arrived after their window closed, not counted")
                .tag("service", service).register(meters);
    }
}
