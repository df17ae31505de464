package org.wedops.apm.models;

import java.time.Instant;
import java.util.stream.Stream;

import org.wedops.apm.models.ModelReport.Accuracy;
import org.wedops.apm.models.ModelReport.Drift;
import org.wedops.apm.models.ModelReport.SegmentGap;
import org.wedops.apm.models.ModelReport.Verdict;

/**
 * A model at a glance, for a list of models: its overall status, its drift and accuracy now, and when it was last
 * observed (a model that stopped reporting shows as insufficient data with an old time, not as fine).
 *
 * @param status the worst verdict among drift, accuracy and segment gaps; INSUFFICIENT_DATA only when none could be
 *               judged, since a model judged on one count and silent on the others is still judged
 */
public record ModelStatus(String modelId, Instant lastObservedAt, Verdict status, Drift drift, Accuracy accuracy) {

    static ModelStatus of(ModelReport report, Instant lastObservedAt) {
        return new ModelStatus(report.modelId(), lastObservedAt, overall(report), report.drift(), report.accuracy());
    }

    static Verdict overall(ModelReport report) {
        Stream<Verdict> verdicts = Stream.concat(Stream.of(report.drift().verdict(), report.accuracy().verdict()),
                report.segments().stream().map(SegmentGap::verdict));
        return verdicts.reduce(Verdict.INSUFFICIENT_DATA, ModelStatus::worse);
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case INSUFFICIENT_DATA -> 0;
            case OK -> 1;
            case WARN -> 2;
            case ALERT -> 3;
        };
    }
}
