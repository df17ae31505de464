package org.wedops.events.sketch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

/**
 * The quantile sketch carried in {@code ApmWindow.sketch}: a DDSketch of durations in milliseconds with 1 % relative
 * accuracy (any quantile it answers is within 1 % of the true value at that rank), in DDSketch's compact binary
 * encoding ({@link DDSketch#encode}), which includes its index mapping. Sketches of several windows merge without losing that guarantee, so a
 * p95 over an hour is the p95 of the merged minutes, never an average of p95s.
 */
public final class DurationSketches {

    /** The value of {@code ApmWindow.sketchType} for this encoding. */
    public static final String TYPE = "ddsketch-0.01";

    public static final double RELATIVE_ACCURACY = 0.01;

    private DurationSketches() {
    }

    public static DDSketch empty() {
        return DDSketches.unboundedDense(RELATIVE_ACCURACY);
    }

    public static ByteBuffer encode(DDSketch sketch) {
        return ByteBuffer.wrap(toBytes(sketch));
    }

    /** Reads a sketch written by {@link #encode}; any other type is refused rather than misread. */
    public static DDSketch decode(String type, ByteBuffer encoded) {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("unknown sketch type " + type + ", expected " + TYPE);
        }
        ByteBuffer bytes = encoded.duplicate();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return decode(array);
    }

    public static DDSketch decode(byte[] encoded) {
        try {
            return DDSketch.decode(ByteArrayInput.wrap(encoded), UnboundedSizeDenseStore::new);
        } catch (IOException e) {
            throw new UncheckedIOException("not a DDSketch", e);
        }
    }

    public static byte[] toBytes(DDSketch sketch) {
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.trimmedCopy();
    }
}
