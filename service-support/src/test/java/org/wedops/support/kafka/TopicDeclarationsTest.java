package org.wedops.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.wedops.events.Topics;

/** What every service declares, as the environment of a production Deployment sets it (Kubernetes manifests in k8s/). */
class TopicDeclarationsTest {

    @Test
    void productionSettingsGiveEveryTopicAndDeadLetterThreeReplicasAndTwoInSyncReplicas() {
        List<NewTopic> topics = TopicDeclarations.all(bind(Map.of(
                "wedops.kafka.replication-factor", "3", "wedops.kafka.min-insync-replicas", "2", "wedops.kafka.partitions", "12")));

        assertThat(topics).hasSize(Topics.ALL.size() * 2);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.numPartitions()).isEqualTo(12);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(topics).filteredOn(t -> t.name().equals(Topics.PROTECTION)).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
        assertThat(topics).filteredOn(t -> t.name().equals(Topics.deadLetterOf(Topics.PROTECTION))).singleElement()
                .satisfies(t -> assertThat(t.configs()).doesNotContainKey("cleanup.policy"));
    }

    @Test
    void withoutMinInsyncReplicasTheBrokerDefaultStands() {
        List<NewTopic> topics = TopicDeclarations.all(bind(Map.of()));

        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.configs() == null ? Map.of() : topic.configs()).doesNotContainKey("min.insync.replicas");
        });
    }

    private static WedopsKafkaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("wedops.kafka", WedopsKafkaProperties.class);
    }
}
