package org.wedops.alert.routing;

import java.util.List;
import java.util.Map;

/**
 * While an alert matching {@code source} fires, alerts matching {@code target} with the same values of the
 * {@code equal} labels are not notified (a CRITICAL for a service hides its lower alerts).
 */
public record InhibitRule(List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        return source.stream().allMatch(m -> m.matches(sourceLabels))
                && target.stream().allMatch(m -> m.matches(targetLabels))
                && !(source.stream().allMatch(m -> m.matches(targetLabels)))
                && equal.stream().allMatch(name -> sourceLabels.getOrDefault(name, "").equals(targetLabels.getOrDefault(name, "")));
    }
}
