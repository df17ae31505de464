package org.wedops.planner.lease;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lease that lets exactly one instance act.
 *
 * @param name       the lease row
 * @param duration   how long a lease lasts without renewal; another instance takes over after it runs out
 * @param renewEvery how often the holder renews (well within the duration) and others try to take it
 */
@ConfigurationProperties("wedops.planner.lease")
public record LeaseProperties(@DefaultValue("scaling-planner") String name, @DefaultValue("30s") Duration duration,
                              @DefaultValue("10s") Duration renewEvery) {

    public LeaseProperties {
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("wedops.planner.lease.renew-every must be positive and shorter than the duration ("
                    + duration + "), was " + renewEvery);
        }
    }
}
