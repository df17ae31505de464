package org.wedops.apm.models;

import java.util.List;

/**
 * A model judged over a recent span: score drift against its reference, accuracy where labels arrived, and the
 * accuracy gap between values of each segment.
 */
public record ModelReport(String modelId, ReferenceWindow.Span window, ReferenceWindow reference, ReferenceWindow.Span referenceWindow,
                          Drift drift, Accuracy accuracy, List<SegmentGap> segments) {

    public enum Verdict { OK, WARN, ALERT, INSUFFICIENT_DATA }

    /** @param psi null when either side has too few scores */
    public record Drift(long observations, long referenceObservations, Double psi, Verdict verdict) {
    }

    /** @param accuracy null when too few observations were labelled */
    public record Accuracy(long labelled, Double accuracy, Verdict verdict) {
    }

    /** Accuracy per value of one segment (e.g. budgetBand: low / mid / high) and the gap between the best and the worst. */
    public record SegmentGap(String segment, List<SegmentValue> values, Double gap, Verdict verdict) {
    }

    public record SegmentValue(String value, long labelled, double accuracy) {
    }
}
