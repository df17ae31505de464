package org.wedops.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.wedops.events.serde.AvroEventDeserializer;

/**
 * Reads what is really on a topic, from the beginning, so a test can await the record it expects.
 * Keys or ids unique per test keep tests that share the broker apart.
 */
public final class TopicProbe<V> implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    private TopicProbe(String topic, Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
    }

    /**
     * Decoded events, as a service would read them. A record that is not an event (a poison record another test wrote
     * on the shared topic) reads as null rather than stopping the probe, as a service's error path skips it.
     */
    public static TopicProbe<SpecificRecord> events(String topic) {
        return new TopicProbe<>(topic, new SkippingPoison());
    }

    private static final class SkippingPoison implements Deserializer<SpecificRecord> {

        private final AvroEventDeserializer events = new AvroEventDeserializer();

        @Override
        public SpecificRecord deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public SpecificRecord deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
            try {
                return events.deserialize(topic, headers, data);
            } catch (RuntimeException notAnEvent) {
                return null;
            }
        }
    }

    /** Raw bytes, e.g. to inspect a dead-letter topic. */
    public static TopicProbe<byte[]> raw(String topic) {
        return new TopicProbe<>(topic, new ByteArrayDeserializer());
    }

    /** Waits until a record matching the predicate is on the topic and returns it. */
    public ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> match) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> poll(match), Optional::isPresent).orElseThrow();
    }

    /** Waits until an event of the given type matching the predicate is on the topic. */
    @SuppressWarnings("unchecked")
    public <T> T awaitEvent(Class<T> type, Predicate<T> match) {
        return (T) await(record -> type.isInstance(record.value()) && match.test(type.cast(record.value()))).value();
    }

    /** Every record read so far that matches, after reading whatever is on the topic now. */
    public List<ConsumerRecord<String, V>> seen(Predicate<ConsumerRecord<String, V>> match) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(match).toList();
    }

    private Optional<ConsumerRecord<String, V>> poll(Predicate<ConsumerRecord<String, V>> match) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return seen.stream().filter(match).findFirst();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
