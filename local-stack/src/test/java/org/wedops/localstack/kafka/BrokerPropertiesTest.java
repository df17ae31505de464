package org.wedops.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private final Map<String, String> properties = BrokerProperties.of(9092, 9093, Path.of("/home/dev/wedops/.wedops/kafka/data"));

    @Test
    void oneNodeIsBothBrokerAndControllerOnLoopback() {
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("log.dirs", "/home/dev/wedops/.wedops/kafka/data");
    }

    @Test
    void internalTopicsFitASingleBroker() {
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void portsFollowTheOffset() {
        assertThat(BrokerProperties.of(9192, 9193, Path.of("/tmp/data")))
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9193");
    }

    @Test
    void renderedFileReadsBackAsTheSameProperties() throws Exception {
        Map<String, String> withBackslash = BrokerProperties.of(9092, 9093, Path.of("C:\\wedops\\data"));
        Properties loaded = new Properties();
        loaded.load(new StringReader(BrokerProperties.render(withBackslash)));

        assertThat(loaded).containsExactlyInAnyOrderEntriesOf(withBackslash);
    }
}
