package org.wedops.apm.sla;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA rules (defaults in application.yml follow DESIGN.md's alert table) and how they are evaluated.
 *
 * @param weddingDayBurnFactor in a region whose protection profile is WEDDING_DAY every rule fires at this share of
 *                             its burn rate: the stricter wedding-day profile
 */
@ConfigurationProperties("wedops.apm.sla")
public record SlaProperties(List<SlaRule> rules, @DefaultValue("30s") Duration evaluateEvery, @DefaultValue("0.5") double weddingDayBurnFactor) {

    public SlaProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
