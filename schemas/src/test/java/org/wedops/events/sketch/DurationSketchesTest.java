package org.wedops.events.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.junit.jupiter.api.Test;

class DurationSketchesTest {

    @Test
    void mergedSketchesAnswerQuantilesWithinOnePercentOfTheExactValue() {
        Random random = new Random(42);
        double[] all = new double[30_000];
        DDSketch merged = DurationSketches.empty();
        for (int window = 0; window < 3; window++) {
            DDSketch minute = DurationSketches.empty();
            for (int i = 0; i < 10_000; i++) {
                double ms = Math.exp(random.nextGaussian() + 5); // long-tailed, like latencies
                all[window * 10_000 + i] = ms;
                minute.accept(ms);
            }
            merged.mergeWith(DurationSketches.decode(DurationSketches.TYPE, DurationSketches.encode(minute)));
        }
        Arrays.sort(all);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            double exact = all[(int) Math.ceil(q * all.length) - 1];
            assertThat(merged.getValueAtQuantile(q)).isCloseTo(exact, within(exact * DurationSketches.RELATIVE_ACCURACY));
        }
        assertThat(merged.getCount()).isEqualTo(30_000);
    }

    @Test
    void anUnknownSketchTypeIsRefused() {
        assertThatThrownBy(() -> DurationSketches.decode("hdr-3", DurationSketches.encode(DurationSketches.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hdr-3");
    }
}
