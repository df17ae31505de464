package org.wedops.alert.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the route tree with every setting resolved (children inherit what they leave out). Matching follows
 * Alertmanager: descend into the first matching child (and further siblings only while {@code continue} is set);
 * a node none of whose children match is itself the match.
 *
 * @param id             path of the node in the tree, e.g. {@code root/0/1}; part of every group key
 * @param escalation     escalation policy for alerts routed here, or null
 * @param fallback       receiver that carries a notification when one of this route's integrations is unavailable
 * @param muteTimeIntervals   names of time intervals during which this route sends nothing
 * @param activeTimeIntervals names of time intervals outside which this route sends nothing (none: always active)
 */
public record Route(
        String id,
        String receiver,
        List<LabelMatcher> matchers,
        boolean continueMatching,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        String escalation,
        String fallback,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals,
        List<Route> routes) {

    /** Label name that groups by every label, as in Alertmanager. */
    public static final String ALL_LABELS = "...";

    public List<Route> match(Map<String, String> labels) {
        List<Route> matched = new ArrayList<>();
        if (matchers.stream().allMatch(m -> m.matches(labels))) {
            for (Route child : routes) {
                List<Route> below = child.match(labels);
                matched.addAll(below);
                if (!below.isEmpty() && !child.continueMatching()) {
                    break;
                }
            }
            if (matched.isEmpty()) {
                matched.add(this);
            }
        }
        return matched;
    }

    /** The group an alert with these labels joins on this route. */
    public String groupKey(Map<String, String> labels) {
        StringBuilder key = new StringBuilder(id).append('{');
        if (groupBy.contains(ALL_LABELS)) {
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> key.append(e.getKey()).append('=').append(e.getValue()).append(','));
        } else {
            groupBy.stream().sorted().forEach(name -> key.append(name).append('=').append(labels.getOrDefault(name, "")).append(','));
        }
        return key.append('}').toString();
    }
}
