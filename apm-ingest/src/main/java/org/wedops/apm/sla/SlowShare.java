package org.wedops.apm.sla;

import com.datadoghq.sketch.ddsketch.DDSketch;

/** The share of a sketch's values above a threshold, found by bisecting its quantiles (DDSketch has no rank query). */
final class SlowShare {

    private static final int STEPS = 20;

    private SlowShare() {
    }

    static double above(DDSketch sketch, double threshold) {
        if (sketch.isEmpty() || sketch.getMaxValue() <= threshold) {
            return 0;
        }
        if (sketch.getMinValue() > threshold) {
            return 1;
        }
        double low = 0;
        double high = 1;
        for (int step = 0; step < STEPS; step++) {
            double middle = (low + high) / 2;
            if (sketch.getValueAtQuantile(middle) > threshold) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return 1 - high;
    }
}
