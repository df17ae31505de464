package org.wedops.apm.models;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Population Stability Index of a score distribution against a reference: PSI = Σ (actual − expected) · ln(actual /
 * expected) over bins cut at the reference's deciles, so each bin holds a tenth of the reference. Empty bins count
 * as a tiny share instead of zero, which would make the logarithm infinite. By the usual reading, below 0.1 nothing
 * moved, 0.1–0.2 is a shift worth a look, above 0.2 the model sees a different population.
 */
public final class PopulationStability {

    static final int BINS = 10;
    private static final double EMPTY_BIN_SHARE = 1e-4;

    private PopulationStability() {
    }

    /** @return the PSI, or NaN when either side has no scores */
    public static double index(double[] reference, double[] current) {
        if (reference.length == 0 || current.length == 0) {
            return Double.NaN;
        }
        double[] edges = decileEdges(reference);
        double[] expected = shares(reference, edges);
        double[] actual = shares(current, edges);
        double psi = 0;
        for (int bin = 0; bin < expected.length; bin++) {
            psi += (actual[bin] - expected[bin]) * Math.log(actual[bin] / expected[bin]);
        }
        return psi;
    }

    /** Inner bin edges at the reference's deciles; repeated edges (many equal scores) collapse into fewer bins. */
    static double[] decileEdges(double[] reference) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        return IntStream.rangeClosed(1, BINS - 1)
                .mapToDouble(decile -> sorted[Math.max(0, (int) Math.ceil(decile * sorted.length / (double) BINS) - 1)])
                .distinct()
                .toArray();
    }

    private static double[] shares(double[] scores, double[] edges) {
        double[] counts = new double[edges.length + 1];
        for (double score : scores) {
            int bin = Arrays.binarySearch(edges, score);
            // a score equal to an edge belongs to the bin the edge closes
            counts[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int bin = 0; bin < counts.length; bin++) {
            counts[bin] = Math.max(counts[bin] / scores.length, EMPTY_BIN_SHARE);
        }
        return counts;
    }
}
