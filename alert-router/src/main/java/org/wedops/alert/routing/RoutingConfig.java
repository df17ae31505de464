package org.wedops.alert.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded, validated routing: the route tree, receivers, inhibition rules and escalation policies. */
public record RoutingConfig(Route root, Map<String, ReceiverSpec> receivers, List<InhibitRule> inhibitRules,
                            Map<String, EscalationPolicy> escalations, Map<String, TimeInterval> timeIntervals) {

    public List<Route> routesFor(Map<String, String> labels) {
        return root.match(labels);
    }

    public Optional<Route> route(String id) {
        return find(root, id);
    }

    private static Optional<Route> find(Route node, String id) {
        if (node.id().equals(id)) {
            return Optional.of(node);
        }
        return node.routes().stream().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }
}
