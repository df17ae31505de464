package org.wedops.deploy.execution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances share and drive deployments.
 *
 * @param lease       how long an instance owns a deployment without renewing; a dead instance's deployments are
 *                    taken over this long after it stopped
 * @param claimEvery  how often idle instances look for deployments to drive
 * @param concurrency deployments one instance drives at once
 */
@ConfigurationProperties("wedops.deploy.execution")
public record ExecutionProperties(@DefaultValue("30s") Duration lease, @DefaultValue("1s") Duration claimEvery,
                                  @DefaultValue("4") int concurrency) {

    public ExecutionProperties {
        if (lease.isNegative() || lease.isZero() || claimEvery.isNegative() || claimEvery.isZero() || concurrency < 1) {
            throw new IllegalArgumentException("wedops.deploy.execution: lease and claim-every must be positive and concurrency at least 1, were "
                    + lease + ", " + claimEvery + " and " + concurrency);
        }
    }
}
