package org.wedops.support.protection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.wedops.events.Topics;

/**
 * Readiness of the protection view: out of service until it has read ops.protection.v1 to its end. Until then every
 * automatic action refuses and the deploy gate answers "unknown", so a service that says it is ready must already be
 * able to judge a region; the readiness group lists this contributor as {@code protectionView}.
 */
public class ProtectionViewHealthIndicator extends AbstractHealthIndicator {

    private final ProtectionStates view;

    public ProtectionViewHealthIndicator(ProtectionStates view) {
        super("The protection view could not be read");
        this.view = view;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (view.caughtUp()) {
            builder.up().withDetail("regions", view.all().size());
        } else {
            builder.outOfService().withDetail("reason", "has not yet read " + Topics.PROTECTION + " to its end; every region counts as protected");
        }
    }
}
