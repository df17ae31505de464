package org.wedops.apm.aggregation;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.wedops.events.ApmSample;

/**
 * What a sample must be to be folded into a window. The HTTP intake validates what it takes, but emitters writing Avro
 * straight to ops.apm.samples.v1 pass no validator: a duration of {@code Double.MAX_VALUE} made the window's DDSketch
 * throw, and the stream thread died on the same record after every restart. A sample that fails is not counted in any
 * window and is counted as {@code apm.samples.invalid} with one {@link Reason} as its tag.
 *
 * <p>On the hot path: one range check on the duration and a length read per label, no allocation.
 */
final class SampleGuard {

    /** Why a sample was refused: the {@code reason} tag, a fixed set so the meter stays bounded. */
    enum Reason {
        DURATION_NOT_FINITE("duration-not-finite"),
        DURATION_NEGATIVE("duration-negative"),
        DURATION_TOO_LONG("duration-too-long"),
        LABEL_TOO_LONG("label-too-long"),
        TIMESTAMP_BEFORE_EPOCH("timestamp-before-epoch");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final double maxDurationMs;
    private final int maxLabelLength;
    private final int maxSeriesLength;
    private final Map<Reason, Counter> invalid = new EnumMap<>(Reason.class);

    SampleGuard(WindowSettings settings, MeterRegistry meters) {
        this.maxDurationMs = settings.maxDuration().toMillis();
        this.maxLabelLength = settings.maxLabelLength();
        // a series key is six labels joined by '|'
        this.maxSeriesLength = 6 * maxLabelLength + 5;
        for (Reason reason : Reason.values()) {
            invalid.put(reason, Counter.builder("apm.samples.invalid")
                    .description("samples not counted in any window because a value or label is out of bounds")
                    .tag("reason", reason.tag).register(meters));
        }
    }

    /**
     * @param series the series the sample would be counted in when it is a single sample's record key; null for a batch's
     *               sample, whose series is made of the labels checked here
     * @return why the sample must not be counted, already counted as such; null when it may be
     */
    Reason refuse(String series, ApmSample sample) {
        Reason reason = check(series, sample);
        if (reason != null) {
            invalid.get(reason).increment();
        }
        return reason;
    }

    private Reason check(String series, ApmSample sample) {
        double ms = sample.getDurationMs();
        // written so that NaN fails it too: every comparison with NaN is false
        if (!(ms >= 0 && ms <= maxDurationMs)) {
            return Double.isNaN(ms) || Double.isInfinite(ms) ? Reason.DURATION_NOT_FINITE
                    : ms < 0 ? Reason.DURATION_NEGATIVE : Reason.DURATION_TOO_LONG;
        }
        if (tooLong(sample.getService()) || tooLong(sample.getOperation()) || tooLong(sample.getProvider()) || tooLong(sample.getRegion())
                || tooLong(sample.getEnvironment()) || tooLong(sample.getErrorType()) || series != null && series.length() > maxSeriesLength) {
            return Reason.LABEL_TOO_LONG;
        }
        // before 1970 the window start arithmetic and Streams' own timestamps (negative means "none") break down
        if (sample.getTimestamp().getEpochSecond() < 0) {
            return Reason.TIMESTAMP_BEFORE_EPOCH;
        }
        return null;
    }

    /** What was wrong, for the dead letter's headers; only called for a refused sample. */
    static String describe(Reason reason, ApmSample sample) {
        return switch (reason) {
            case DURATION_NOT_FINITE, DURATION_NEGATIVE, DURATION_TOO_LONG -> reason.tag + ": durationMs " + sample.getDurationMs();
            case LABEL_TOO_LONG -> reason.tag + ": a label or the record key is longer than allowed";
            case TIMESTAMP_BEFORE_EPOCH -> reason.tag + ": timestamp " + sample.getTimestamp();
        };
    }

    private boolean tooLong(String label) {
        return label != null && label.length() > maxLabelLength;
    }

    /** A record none of whose samples could be counted: it goes to the dead-letter topic with this as the reason. */
    static final class InvalidSampleException extends RuntimeException {

        InvalidSampleException(String message) {
            // no stack trace: it is a verdict on the data, not a fault in the code, and is thrown per bad record
            super(message, null, false, false);
        }
    }
}
