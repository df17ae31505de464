package org.wedops.apm.aggregation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.sketch.DurationSketches;

/** What one series' samples of one window add up to, kept in the Streams window store until the window closes. */
final class WindowAggregate {

    private String kind;
    private String service;
    private String operation;
    private String provider;
    private String region;
    private String environment;
    private long count;
    private long errors;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private DDSketch durations = DurationSketches.empty();

    /**
     * Durations below this go into the sketch's zero bucket. DDSketch's dense store spans every bucket between the
     * smallest and largest value, about 115 per power of ten at 1 % accuracy: one 1e-300 ms sample beside real ones
     * would grow the window, its changelog entry and the emitted record to hundreds of kB. A nanosecond is below any
     * real measurement; the sum, min and max keep the exact value.
     */
    private static final double SMALLEST_SKETCHED_MS = 1e-6;

    /** Adds a sample the {@link SampleGuard} let through. */
    WindowAggregate add(ApmSample sample) {
        double ms = sample.getDurationMs();
        // first, so that should the sketch refuse a value nothing of the sample is half counted
        durations.accept(ms < SMALLEST_SKETCHED_MS ? 0 : ms);
        if (count == 0) {
            kind = sample.getKind().name();
            service = sample.getService();
            operation = sample.getOperation();
            provider = sample.getProvider();
            region = sample.getRegion();
            environment = sample.getEnvironment();
        }
        count++;
        if (!sample.getSuccess()) {
            errors++;
        }
        sum += ms;
        min = Math.min(min, ms);
        max = Math.max(max, ms);
        return this;
    }

    long count() {
        return count;
    }

    ApmWindow toWindow(String seriesKey, Instant start, Instant end, Instant now) {
        return ApmWindow.newBuilder()
                // the same window always gets the same id, so every consumer can be idempotent on it
                .setEventId(UUID.nameUUIDFromBytes((seriesKey + "@" + start.toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(now).setSeriesKey(seriesKey).setKind(ApmSampleKind.valueOf(kind)).setService(service).setOperation(operation)
                .setProvider(provider).setRegion(region).setEnvironment(environment).setWindowStart(start).setWindowEnd(end)
                .setCount(count).setErrors(errors).setSum(sum).setMin(min).setMax(max)
                .setSketchType(DurationSketches.TYPE).setSketch(DurationSketches.encode(durations))
                .build();
    }

    byte[] toBytes() {
        byte[] sketch = DurationSketches.toBytes(durations);
        byte[][] labels = {utf8(kind), utf8(service), utf8(operation), utf8(provider), utf8(region), utf8(environment)};
        int size = 8 * 5 + 4 + sketch.length;
        for (byte[] label : labels) {
            size += 4 + (label == null ? 0 : label.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] label : labels) {
            buffer.putInt(label == null ? -1 : label.length);
            if (label != null) {
                buffer.put(label);
            }
        }
        buffer.putLong(count).putLong(errors).putDouble(sum).putDouble(min).putDouble(max).putInt(sketch.length).put(sketch);
        return buffer.array();
    }

    static WindowAggregate fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        WindowAggregate aggregate = new WindowAggregate();
        aggregate.kind = string(buffer);
        aggregate.service = string(buffer);
        aggregate.operation = string(buffer);
        aggregate.provider = string(buffer);
        aggregate.region = string(buffer);
        aggregate.environment = string(buffer);
        aggregate.count = buffer.getLong();
        aggregate.errors = buffer.getLong();
        aggregate.sum = buffer.getDouble();
        aggregate.min = buffer.getDouble();
        aggregate.max = buffer.getDouble();
        byte[] sketch = new byte[buffer.getInt()];
        buffer.get(sketch);
        aggregate.durations = DurationSketches.decode(sketch);
        return aggregate;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
