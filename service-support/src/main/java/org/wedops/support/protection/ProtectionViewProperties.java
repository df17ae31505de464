package org.wedops.support.protection;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service's view of ops.protection.v1 decides what it may trust.
 *
 * @param staleAfter   how long after a state's {@code nextChangeAt} the state still counts as current; the planner
 *                     publishes a change within a second of it, so this only has to cover a planner fail-over
 * @param caughtUpPoll how often an idle view compares its position with the topic's end, until it has caught up
 */
@Validated
@ConfigurationProperties("wedops.protection.view")
public record ProtectionViewProperties(@NotNull @DefaultValue("2m") Duration staleAfter,
                                       @NotNull @DefaultValue("1s") Duration caughtUpPoll) {

    public ProtectionViewProperties {
        if (staleAfter != null && (staleAfter.isNegative() || staleAfter.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("wedops.protection.view.stale-after must be between 0 and 1h, was " + staleAfter);
        }
        if (caughtUpPoll != null && (caughtUpPoll.toMillis() < 100 || caughtUpPoll.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException("wedops.protection.view.caught-up-poll must be between 100ms and 1m, was " + caughtUpPoll);
        }
    }
}
