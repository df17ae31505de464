package org.wedops.apm.sla;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA rules (defaults in application.yml follow DESIGN.md's alert table) and how they are evaluated. Checked when
 * bound, each rule too, so a wrong value stops the start naming the property.
 *
 * @param weddingDayBurnFactor in a region whose protection profile is WEDDING_DAY every rule fires at this share of
 *                             its burn rate: the stricter wedding-day profile
 */
@ConfigurationProperties("wedops.apm.sla")
public record SlaProperties(List<SlaRule> rules, @DefaultValue("30s") Duration evaluateEvery, @DefaultValue("0.5") double weddingDayBurnFactor) {

    public SlaProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (evaluateEvery == null || evaluateEvery.isNegative() || evaluateEvery.isZero()) {
            throw new IllegalArgumentException("wedops.apm.sla.evaluate-every must be positive, was " + evaluateEvery);
        }
        if (!(weddingDayBurnFactor > 0 && weddingDayBurnFactor <= 1)) {
            throw new IllegalArgumentException("wedops.apm.sla.wedding-day-burn-factor must lie in (0, 1], was " + weddingDayBurnFactor);
        }
    }
}
