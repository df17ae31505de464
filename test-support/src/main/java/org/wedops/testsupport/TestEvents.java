package org.wedops.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wedops.events.serde.AvroEventSerializer;

/** Writes to the shared broker as an emitter would: an event through the real serde, or raw bytes. */
public final class TestEvents {

    private TestEvents() {
    }

    public static RecordMetadata send(String topic, String key, SpecificRecord event) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config(), new StringSerializer(), new AvroEventSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    public static RecordMetadata sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    private static Map<String, Object> config() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.brokers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
