package org.wedops.apm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

    private final Random random = new Random(7);

    @Test
    void theSameDistributionIsStable() {
        assertThat(PopulationStability.index(normal(5_000, 0.5, 0.1), normal(5_000, 0.5, 0.1))).isLessThan(0.1);
    }

    @Test
    void aSmallShiftIsAWarningAndALargeOneAnAlert() {
        double[] reference = normal(5_000, 0.5, 0.1);
        assertThat(PopulationStability.index(reference, normal(5_000, 0.54, 0.1))).isBetween(0.1, 0.2);
        assertThat(PopulationStability.index(reference, normal(5_000, 0.65, 0.1))).isGreaterThan(0.2);
    }

    @Test
    void aKnownTextbookCaseGivesItsKnownValue() {
        // the reference holds 1..10 ten times each, a bin per value; the current population holds 2..6 ten times each
        // and puts its other half on 10
        double[] reference = new double[100];
        for (int i = 0; i < 100; i++) {
            reference[i] = i / 10 + 1;
        }
        double[] current = new double[100];
        for (int i = 0; i < 100; i++) {
            current[i] = i < 50 ? 10 : i / 10 - 3;
        }
        // five bins as expected, four empty (1, 7, 8, 9), the top one five times fuller
        double psi = 4 * (0.0001 - 0.1) * Math.log(0.0001 / 0.1) + (0.5 - 0.1) * Math.log(0.5 / 0.1);
        assertThat(PopulationStability.index(reference, current)).isCloseTo(psi, within(1e-9));
    }

    @Test
    void nothingToCompareIsNotANumber() {
        assertThat(PopulationStability.index(new double[0], new double[] {0.3})).isNaN();
    }

    @Test
    void peakSaturdayIsComparedWithThePeakSaturdayBeforeIt() {
        ReferenceWindow.Span saturdayAfternoon = new ReferenceWindow.Span(Instant.parse("2026-06-13T12:00:00Z"), Instant.parse("2026-06-13T18:00:00Z"));

        assertThat(ReferenceWindow.SAME_WEEKDAY.of(saturdayAfternoon))
                .isEqualTo(new ReferenceWindow.Span(Instant.parse("2026-06-06T12:00:00Z"), Instant.parse("2026-06-06T18:00:00Z")));
        assertThat(ReferenceWindow.SAME_SEASON.of(saturdayAfternoon).from()).isEqualTo(Instant.parse("2025-06-14T12:00:00Z"));
        assertThat(ReferenceWindow.PREVIOUS_PERIOD.of(saturdayAfternoon))
                .isEqualTo(new ReferenceWindow.Span(Instant.parse("2026-06-13T06:00:00Z"), Instant.parse("2026-06-13T12:00:00Z")));
    }

    private double[] normal(int n, double mean, double sd) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = mean + sd * random.nextGaussian();
        }
        return scores;
    }
}
