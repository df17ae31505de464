package org.wedops.alert.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Phase;
import org.wedops.events.Alert;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;

/**
 * A bare consumer beside the router, with the router's consumer settings and no group, reading every partition of
 * ops.alerts.v1 from its end: when it receives each event is the Kafka hop alone, the floor under any design that
 * reads the topic.
 */
final class KafkaHopProbe {

    private final String bootstrap;
    private final long[] receivedMicros;
    private final Map<String, Integer> indexOfEventId = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    final CountDownLatch allReceived;
    private volatile boolean probing = true;

    KafkaHopProbe(String bootstrap, int totalEvents) throws InterruptedException {
        this.bootstrap = bootstrap;
        this.receivedMicros = new long[totalEvents];
        this.allReceived = new CountDownLatch(totalEvents);
        Thread probe = new Thread(this::read, "kafka-hop-probe");
        probe.setDaemon(true);
        probe.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Kafka hop probe did not get its partitions in 30 s");
        }
    }

    /** The event with this id is the stream's event number {@code index}. */
    void expect(String eventId, int index) {
        indexOfEventId.put(eventId, index);
    }

    private void read() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroEventDeserializer.class.getName());
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (probing) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = BenchClock.nowMicros();
                    if (record.value() instanceof Alert alert) {
                        Integer index = indexOfEventId.get(alert.getEventId());
                        if (index != null) {
                            receivedMicros[index] = now;
                            allReceived.countDown();
                        }
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("kafka hop probe stopped: " + e);
        }
    }

    /** Stops reading; produce→receive of every event, per measured phase. */
    Map<String, Object> hop(Recording recording) {
        probing = false;
        Map<String, Object> hop = new LinkedHashMap<>();
        for (Phase phase : List.of(recording.stream.steady, recording.stream.storm)) {
            List<Long> all = new ArrayList<>();
            for (Ev e : phase.events()) {
                if (receivedMicros[e.index()] > 0) {
                    all.add(receivedMicros[e.index()] - recording.sendMicros[e.index()]);
                }
            }
            hop.put(phase.name(), Map.of("every_event", Percentiles.of(all), "received", all.size(), "sent", phase.events().size()));
        }
        return hop;
    }
}
