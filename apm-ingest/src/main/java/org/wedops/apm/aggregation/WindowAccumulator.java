package org.wedops.apm.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;

/**
 * Adds each sample (alone, keyed by its series, or in a batch) to its series' tumbling 1-minute window in event time and
 * emits a window once it has closed: when the partition's stream time (the latest sample time seen) reaches the
 * window's end plus the grace, or when the wall clock does (checked every {@code wallClockCloseEvery}), so a quiet
 * partition's windows are emitted too. A window closes once, whichever comes first; a sample whose window has closed is
 * dropped and counted as {@code apm.samples.late} per service. The same rules as Streams' windowed aggregation with
 * suppression until the window closes, plus the wall clock.
 *
 * <p>A sample the {@link SampleGuard} refuses is skipped and counted; a record none of whose samples can be counted is
 * thrown out as an {@link SampleGuard.InvalidSampleException}, which the {@link SampleDeadLetters} handler puts on the
 * dead-letter topic while processing goes on. A batch with one bad sample keeps its good ones.
 */
final class WindowAccumulator implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final long SIZE_MS = WindowSettings.SIZE.toMillis();
    private static final String CLOSED_THROUGH = "closed-through";

    private final long graceMs;
    private final Duration wallClockCloseEvery;
    private final SampleGuard guard;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String storeName;
    private final String closedStoreName;
    private ProcessorContext<String, SpecificRecord> context;
    private OpenWindows windows;
    /**
     * Every window starting at or before this has closed; a sample for one is late. Changelogged: Streams restores
     * stream time after a restart but not the wall clock's progress, and without it a late sample for a window the wall
     * clock closed would open that window again and emit it a second time, with only the late samples, over the first.
     */
    private KeyValueStore<String, Long> closedStore;
    private long closedThrough;
    /** Whether a record was processed since the wall clock was last checked: see {@link #closeByWallClock()}. */
    private boolean processedSinceWallClockCheck;

    WindowAccumulator(WindowSettings settings, MeterRegistry meters, Clock clock, String storeName, String closedStoreName) {
        this.graceMs = settings.grace().toMillis();
        this.wallClockCloseEvery = settings.wallClockCloseEvery();
        this.guard = new SampleGuard(settings, meters);
        this.meters = meters;
        this.clock = clock;
        this.storeName = storeName;
        this.closedStoreName = closedStoreName;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.windows = context.getStateStore(storeName);
        this.closedStore = context.getStateStore(closedStoreName);
        Long restored = closedStore.get(CLOSED_THROUGH);
        this.closedThrough = restored == null ? Long.MIN_VALUE : restored;
        // Streams only schedules the check; the injected clock decides what is due, so tests can move time
        context.schedule(wallClockCloseEvery, PunctuationType.WALL_CLOCK_TIME, at -> closeByWallClock());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        processedSinceWallClockCheck = true;
        // windows starting at or before this have closed: stream time has reached their end plus the grace, or they
        // were closed by the wall clock
        long lastClosedStart = Math.max(context.currentStreamTimeMs() - SIZE_MS - graceMs, closedThrough);
        int counted = 0;
        ApmSample firstRefused = null;
        SampleGuard.Reason firstReason = null;
        if (record.value() instanceof ApmSampleBatch batch) {
            for (ApmSample sample : batch.getSamples()) {
                SampleGuard.Reason refused = guard.refuse(null, sample);
                if (refused == null) {
                    add(SeriesKey.of(sample), sample, lastClosedStart);
                    counted++;
                } else if (firstRefused == null) {
                    firstRefused = sample;
                    firstReason = refused;
                }
            }
        } else if (record.value() instanceof ApmSample sample) {
            firstReason = guard.refuse(record.key(), sample);
            if (firstReason == null) {
                add(record.key(), sample, lastClosedStart);
                counted++;
            } else {
                firstRefused = sample;
            }
        }
        close(lastClosedStart);
        if (counted == 0 && firstRefused != null) {
            throw new SampleGuard.InvalidSampleException("no sample of the record can be counted; the first: "
                    + SampleGuard.describe(firstReason, firstRefused));
        }
    }

    /**
     * Closes every window whose end plus the grace has passed by the wall clock, unless this task is working through a
     * backlog: records were processed since the last check and stream time is still more than the grace behind the
     * wall clock. Then the backlog's own samples close its windows by stream time; the wall clock would close them while
     * their samples are still being read, and every later one would be late.
     */
    private void closeByWallClock() {
        long now = clock.millis();
        boolean catchingUp = processedSinceWallClockCheck && context.currentStreamTimeMs() < now - graceMs;
        processedSinceWallClockCheck = false;
        if (!catchingUp) {
            close(now - SIZE_MS - graceMs);
        }
    }

    /** Closes and emits every window starting at or before {@code lastClosedStart}: once, whoever calls first. */
    private void close(long lastClosedStart) {
        // window starts are whole minutes: the watermark moves, and is written, once a minute
        long through = lastClosedStart - Math.floorMod(lastClosedStart, SIZE_MS);
        if (through > closedThrough) {
            closedThrough = through;
            closedStore.put(CLOSED_THROUGH, through);
        }
        List<OpenWindows.ClosedWindow> closed = windows.closeStartingUpTo(lastClosedStart);
        if (closed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (OpenWindows.ClosedWindow window : closed) {
            Instant start = Instant.ofEpochMilli(window.start());
            Instant end = start.plus(WindowSettings.SIZE);
            context.forward(new Record<>(window.series(), window.aggregate().toWindow(window.series(), start, end, now), end.toEpochMilli() - 1));
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
