package org.wedops.apm.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wedops.apm.models.ModelReport.Accuracy;
import org.wedops.apm.models.ModelReport.Drift;
import org.wedops.apm.models.ModelReport.SegmentGap;
import org.wedops.apm.models.ModelReport.Verdict;

class ModelStatusTest {

    @ParameterizedTest(name = "drift {0}, accuracy {1}, segment {2} -> {3}")
    @CsvSource({
            "OK, OK, OK, OK",
            "ALERT, OK, OK, ALERT",
            "OK, ALERT, OK, ALERT",
            "OK, OK, ALERT, ALERT",
            "WARN, OK, OK, WARN",
            "WARN, ALERT, OK, ALERT",
            // judged on one count and silent on the others: judged, not unknown
            "INSUFFICIENT_DATA, OK, INSUFFICIENT_DATA, OK",
            "WARN, INSUFFICIENT_DATA, INSUFFICIENT_DATA, WARN",
            "INSUFFICIENT_DATA, INSUFFICIENT_DATA, INSUFFICIENT_DATA, INSUFFICIENT_DATA",
    })
    void theStatusIsTheWorstVerdictThatCouldBeJudged(Verdict drift, Verdict accuracy, Verdict segment, Verdict status) {
        ModelReport report = new ModelReport("venue-match", null, ReferenceWindow.SAME_WEEKDAY, null,
                new Drift(100, 100, 0.1, drift), new Accuracy(50, 0.9, accuracy), List.of(new SegmentGap("budgetBand", List.of(), null, segment)));
        Instant last = Instant.parse("2026-06-06T14:00:00Z");

        ModelStatus summary = ModelStatus.of(report, last);

        assertThat(summary.status()).isEqualTo(status);
        assertThat(summary.lastObservedAt()).isEqualTo(last);
        assertThat(summary.drift().verdict()).isEqualTo(drift);
    }

    @ParameterizedTest
    @CsvSource({"OK, OK", "ALERT, ALERT", "INSUFFICIENT_DATA, INSUFFICIENT_DATA"})
    void aModelWithoutSegmentsIsJudgedOnDriftAndAccuracy(Verdict drift, Verdict status) {
        ModelReport report = new ModelReport("m", null, ReferenceWindow.SAME_WEEKDAY, null,
                new Drift(0, 0, null, drift), new Accuracy(0, null, Verdict.INSUFFICIENT_DATA), List.of());
        assertThat(ModelStatus.overall(report)).isEqualTo(status);
    }
}
