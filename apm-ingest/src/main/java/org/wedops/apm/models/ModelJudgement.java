package org.wedops.apm.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.wedops.apm.models.ModelReport.Accuracy;
import org.wedops.apm.models.ModelReport.Drift;
import org.wedops.apm.models.ModelReport.SegmentGap;
import org.wedops.apm.models.ModelReport.SegmentValue;
import org.wedops.apm.models.ModelReport.Verdict;

/** The thresholds of {@link ModelMonitoringProperties} applied to what was read of a model. */
@RequiredArgsConstructor
final class ModelJudgement {

    private final ModelMonitoringProperties settings;

    Drift drift(double[] reference, double[] current) {
        if (reference.length < settings.minObservations() || current.length < settings.minObservations()) {
            return new Drift(current.length, reference.length, null, Verdict.INSUFFICIENT_DATA);
        }
        double psi = PopulationStability.index(reference, current);
        Verdict verdict = psi > settings.psiAlert() ? Verdict.ALERT : psi > settings.psiWarn() ? Verdict.WARN : Verdict.OK;
        return new Drift(current.length, reference.length, psi, verdict);
    }

    Accuracy accuracy(long labelled, long correct) {
        if (labelled < settings.minSegmentObservations()) {
            return new Accuracy(labelled, labelled == 0 ? null : (double) correct / labelled, Verdict.INSUFFICIENT_DATA);
        }
        double accuracy = (double) correct / labelled;
        return new Accuracy(labelled, accuracy, accuracy < settings.minAccuracy() ? Verdict.ALERT : Verdict.OK);
    }

    /** @param counts per segment, per value: labelled and correct observations */
    List<SegmentGap> segments(Map<String, Map<String, long[]>> counts) {
        List<SegmentGap> gaps = new ArrayList<>();
        new TreeMap<>(counts).forEach((segment, byValue) -> {
            List<SegmentValue> values = new TreeMap<>(byValue).entrySet().stream()
                    .filter(value -> value.getValue()[0] >= settings.minSegmentObservations())
                    .map(value -> new SegmentValue(value.getKey(), value.getValue()[0], (double) value.getValue()[1] / value.getValue()[0]))
                    .toList();
            if (values.size() < 2) {
                gaps.add(new SegmentGap(segment, values, null, Verdict.INSUFFICIENT_DATA));
                return;
            }
            double best = values.stream().max(Comparator.comparingDouble(SegmentValue::accuracy)).orElseThrow().accuracy();
            double worst = values.stream().min(Comparator.comparingDouble(SegmentValue::accuracy)).orElseThrow().accuracy();
            double gap = best - worst;
            gaps.add(new SegmentGap(segment, values, gap, gap > settings.maxSegmentGap() ? Verdict.ALERT : Verdict.OK));
        });
        return gaps;
    }
}
