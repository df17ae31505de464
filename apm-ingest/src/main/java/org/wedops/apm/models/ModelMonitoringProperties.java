package org.wedops.apm.models;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How models are watched.
 *
 * @param window                  the recent span judged, ending now
 * @param reference               what it is compared with; the same weekday by default, since wedding traffic is weekly
 * @param psiWarn                 PSI above this is a warning
 * @param psiAlert                PSI above this is an alert
 * @param minAccuracy             accuracy over labelled observations below this is an alert
 * @param maxSegmentGap           a gap in accuracy between values of one segment (e.g. budget bands) above this flags bias
 * @param minObservations         fewer scores than this on either side say nothing about drift
 * @param minSegmentObservations  fewer labelled observations than this say nothing about a segment value's accuracy
 * @param maxScoresRead           most scores read per side for the PSI (a sample of the span, enough for ten bins)
 * @param evaluateEvery           how often every recently seen model is judged and its alerts fired or resolved
 */
@Validated
@ConfigurationProperties("wedops.apm.models")
public record ModelMonitoringProperties(
        @DefaultValue("24h") @DurationMin(millis = 1) Duration window,
        @DefaultValue("SAME_WEEKDAY") @NotNull ReferenceWindow reference,
        @DefaultValue("0.1") @Positive double psiWarn,
        @DefaultValue("0.2") double psiAlert,
        @DefaultValue("0.95") @DecimalMin("0") @DecimalMax("1") double minAccuracy,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double maxSegmentGap,
        @DefaultValue("100") @Positive int minObservations,
        @DefaultValue("30") @Positive int minSegmentObservations,
        @DefaultValue("100000") int maxScoresRead,
        @DefaultValue("5m") @DurationMin(millis = 1) Duration evaluateEvery) {

    /** The rules across settings; each setting alone is held to its constraint once bound. */
    public ModelMonitoringProperties {
        if (psiAlert < psiWarn) {
            throw new IllegalArgumentException("wedops.apm.models.psi-alert must be at least wedops.apm.models.psi-warn, were "
                    + psiAlert + " and " + psiWarn);
        }
        if (maxScoresRead < minObservations) {
            throw new IllegalArgumentException("wedops.apm.models.max-scores-read must be at least wedops.apm.models.min-observations, were "
                    + maxScoresRead + " and " + minObservations);
        }
    }
}
