package org.wedops.gateway.live;

import java.util.HashMap;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;
import org.wedops.events.serde.AvroEventDeserializer;

/**
 * Reads the console's topics into the {@link LiveHub} on a consumer thread of its own (never an event loop).
 * A group of its own per gateway instance, so every instance sees every record; nothing is committed (a restarted
 * gateway starts at the end again: the console reloads what it shows from the services, the feed only says what
 * changed since). The compacted protection topic is read from its beginning, so every region's state is at hand
 * for a console that connects. APM windows come through as one event per closed minute ({@link ApmMinutes}).
 *
 * <p>The gateway owns none of these topics: a record it cannot read is skipped and logged, not dead-lettered (the
 * owning services' consumers dead-letter it already).
 */
final class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final KafkaMessageListenerContainer<String, SpecificRecord> container;

    LiveFeed(Map<String, Object> consumerProperties, LiveHub hub, Clock clock) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-live-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "wedops-gateway-live");
        // the services create their topics with their partition counts: a reader must never create one first (with the
        // broker's defaults), and must see partitions added later soon, not after the default five minutes
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = new DefaultKafkaConsumerFactory<>(properties,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new AvroEventDeserializer()));

        ContainerProperties container = new ContainerProperties(LiveTopics.KIND_BY_TOPIC.keySet().toArray(String[]::new));
        // never acknowledged, so never committed: the group is this instance's alone and starts at the end each time
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                List<TopicPartition> compacted = partitions.stream().filter(partition -> LiveTopics.fromBeginning(partition.topic())).toList();
                consumer.seekToBeginning(compacted);
            }
        });
        ApmMinutes minutes = new ApmMinutes(clock);
        container.setMessageListener((MessageListener<String, SpecificRecord>) record -> forward(record, hub, minutes));
        this.container = new KafkaMessageListenerContainer<>(consumers, container);
        // a record that cannot be read or forwarded is skipped at once; the default would retry it nine times
        this.container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
    }

    private static void forward(ConsumerRecord<String, SpecificRecord> record, LiveHub hub, ApmMinutes minutes) {
        if (record.value() == null) {
            return; // a tombstone: nothing to show
        }
        LiveTopics.kindOf(record.topic()).ifPresent(kind -> {
            Map<String, Object> fields = EventFields.of(record.value());
            if ("apm".equals(kind)) {
                minutes.closed(fields).ifPresent(hub::publish);
                return;
            }
            Object id = fields.getOrDefault("eventId", record.topic() + "-" + record.partition() + "-" + record.offset());
            hub.publish(new LiveEvent(kind, String.valueOf(id), record.key(), fields));
        });
    }

    @Override
    public void start() {
        log.info("live feed reading {} for the console", LiveTopics.KIND_BY_TOPIC.keySet());
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
