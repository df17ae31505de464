package org.wedops.localstack.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A single-node KRaft broker (broker and controller in one JVM) sized for a laptop: every internal topic has one
 * replica, because there is nowhere to put a second.
 */
public final class BrokerProperties {

    static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    public static Map<String, String> of(int brokerPort, int controllerPort, Path logDirectory) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        // a static voter set rather than a formatted dynamic quorum: the voter's address then comes from this file on
        // every start, so a later run with another --port-offset still finds its controller
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        // 50 partitions by default: a minute of CPU on first start for a topic that sees a handful of groups here
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // consumers of a freshly started service should not wait 3 s for a rebalance nobody else will join
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    public static String render(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + escape(entry.getValue()))
                .collect(Collectors.joining("\n", "# written by the WedOps local stack on every start\n", "\n"));
    }

    /** In a java.util.Properties value only the backslash is special (a Windows path would lose its separators). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
