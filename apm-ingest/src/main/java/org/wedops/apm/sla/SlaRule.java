package org.wedops.apm.sla;

import java.time.Duration;

import org.wedops.events.ApmSampleKind;
import org.wedops.events.Severity;

/**
 * An objective and when to alert on it, as a multi-window burn rate: a request is bad when it failed (or, with
 * {@code slowerThanMs}, when it took longer); the budget is the share of bad requests the objective allows; the rule
 * fires when the bad share burns the budget at least {@code burnRate} times as fast as allowed over both the short and
 * the long window (the long one proves it is not a blip, the short one that it is still going on).
 *
 * @param kind          only series of this kind; all when null
 * @param slowerThanMs  a latency objective: requests slower than this are bad; an error objective when null
 */
public record SlaRule(String name, ApmSampleKind kind, Double slowerThanMs, double budget, double burnRate, Duration shortWindow,
                      Duration longWindow, Severity severity) {

    public SlaRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("wedops.apm.sla.rules[].name must not be blank");
        }
        require(name, slowerThanMs == null || slowerThanMs > 0, "slower-than-ms must be positive when set, was " + slowerThanMs);
        require(name, budget > 0 && budget < 1, "budget must lie between 0 and 1 (a share of requests), was " + budget);
        require(name, burnRate > 0, "burn-rate must be positive, was " + burnRate);
        require(name, shortWindow != null && shortWindow.toMillis() > 0, "short-window must be positive, was " + shortWindow);
        require(name, longWindow != null && longWindow.compareTo(shortWindow) >= 0,
                "long-window must be at least the short-window (" + shortWindow + "), was " + longWindow);
        require(name, severity != null, "severity must be set");
    }

    private static void require(String rule, boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("wedops.apm.sla.rules[" + rule + "]." + message);
        }
    }
}
