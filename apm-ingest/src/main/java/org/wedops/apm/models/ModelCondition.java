package org.wedops.apm.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wedops.apm.alerting.AlertCondition;

import org.wedops.apm.models.ModelReport.SegmentGap;
import org.wedops.apm.models.ModelReport.Verdict;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;

/**
 * One thing about a model that can be wrong, with a fingerprint stable per model and condition, and whether the
 * report says it is wrong now ({@code firing}), right now ({@code !firing}), or cannot tell ({@code known == false}).
 */
record ModelCondition(String modelId, String name, String segment, Severity severity, boolean known, boolean firing, String summary) {

    static List<ModelCondition> of(ModelReport report) {
        List<ModelCondition> conditions = new ArrayList<>();
        String model = report.modelId();
        Verdict drift = report.drift().verdict();
        String psi = report.drift().psi() == null ? "" : String.format(Locale.ROOT, "%.3f", report.drift().psi());
        String against = " against " + report.reference().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        conditions.add(new ModelCondition(model, "ModelDrift", null, Severity.HIGH, drift != Verdict.INSUFFICIENT_DATA,
                drift == Verdict.ALERT, "model " + model + " score drift: PSI " + psi + against));
        conditions.add(new ModelCondition(model, "ModelDriftWarning", null, Severity.LOW, drift != Verdict.INSUFFICIENT_DATA,
                drift == Verdict.WARN, "model " + model + " score shifting: PSI " + psi + against));
        Verdict accuracy = report.accuracy().verdict();
        conditions.add(new ModelCondition(model, "ModelAccuracyLow", null, Severity.HIGH, accuracy != Verdict.INSUFFICIENT_DATA,
                accuracy == Verdict.ALERT, "model " + model + " accuracy " + percent(report.accuracy().accuracy()) + " over "
                        + report.accuracy().labelled() + " labelled predictions"));
        for (SegmentGap gap : report.segments()) {
            conditions.add(new ModelCondition(model, "ModelSegmentBias", gap.segment(), Severity.MEDIUM, gap.verdict() != Verdict.INSUFFICIENT_DATA,
                    gap.verdict() == Verdict.ALERT, "model " + model + " accuracy differs by " + percent(gap.gap()) + " between values of "
                            + gap.segment() + ": " + gap.values().stream().map(v -> v.value() + " " + percent(v.accuracy())).toList()));
        }
        return conditions;
    }

    AlertCondition toAlert() {
        String fingerprint = AlertCondition.fingerprint(name, modelId, segment == null ? "" : segment);
        Map<String, String> labels = segment == null ? Map.of("model", modelId, "condition", name)
                : Map.of("model", modelId, "condition", name, "segment", segment);
        return new AlertCondition(fingerprint, modelId, name, severity, "model:" + modelId, null, ThresholdProfile.STANDARD, summary, labels, firing);
    }

    private static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
