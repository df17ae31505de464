package org.wedops.support.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.wedops.events.Topics;
import org.wedops.events.Topics.TopicSpec;

/** Every WedOps topic and its dead-letter topic; creation is idempotent, so every service declares them all. */
final class TopicDeclarations {

    private TopicDeclarations() {
    }

    static List<NewTopic> all(WedopsKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : Topics.ALL) {
            TopicBuilder topic = TopicBuilder.name(spec.name())
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor());
            if (spec.compacted()) {
                topic.compact().config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
            }
            // same partition count, so a dead letter keeps its source partition
            TopicBuilder deadLetter = TopicBuilder.name(spec.deadLetterTopic())
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor());
            if (properties.minInsyncReplicas() != null) {
                topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
                deadLetter.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
            }
            topics.add(topic.build());
            topics.add(deadLetter.build());
        }
        return topics;
    }
}
