package org.wedops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.wedops.events.Topics;

/** A record no consumer can decode, and what the shared error path must make of it: a dead letter saying why. */
public final class TestDeadLetters {

    public static final String GARBAGE = "garbage, not an event";

    private TestDeadLetters() {
    }

    /** Writes an undecodable value under {@code key}, as a broken emitter would. */
    public static void sendPoison(String topic, String key) {
        TestEvents.sendRaw(topic, key, GARBAGE.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Waits for the dead letter of the poison record sent under {@code key} and checks it carries the original bytes,
     * topic and the reason (exception class and message), but no stack trace header of any kind
     * (spring-kafka's {@code kafka_dlt-exception-stacktrace} and {@code kafka_dlt-key-exception-stacktrace}, or the
     * deserializer's serialized exception).
     *
     * @return the reason header
     */
    public static String awaitDeadLetter(String topic, String key) {
        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(topic))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> key.equals(r.key()));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(GARBAGE);
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(topic);
            // the exception's class and message say why; its stack trace (the service's insides) never leaves
            assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
            dead.headers().forEach(h -> assertThat(h.key()).as("no stack trace header")
                    .doesNotContainIgnoringCase("stacktrace").doesNotStartWith("springDeserializerException"));
            String reason = header(dead, "wedops_dlt-reason");
            assertThat(reason).contains("not Avro single-object encoded");
            return reason;
        }
    }

    /** Just under the producer's 1 MiB request limit as written; its dead letter's headers would take it over. */
    public static final int OVERSIZE = 1_048_300;

    /** Writes an undecodable value of {@link #OVERSIZE} bytes under {@code key}. */
    public static org.apache.kafka.clients.producer.RecordMetadata sendOversizePoison(String topic, String key) {
        byte[] garbage = new byte[OVERSIZE];
        java.util.Arrays.fill(garbage, (byte) 'x');
        return TestEvents.sendRaw(topic, key, garbage, Map.of());
    }

    /**
     * Waits for the dead letter of the oversize poison record sent under {@code key}: no value (it would not fit), the
     * original's size in {@code wedops_dlt-value-left-out}, and the topic and reason as every dead letter has them.
     */
    public static void awaitDeadLetterWithoutValue(String topic, String key) {
        try (TopicProbe<byte[]> deadLetters = TopicProbe.raw(Topics.deadLetterOf(topic))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> key.equals(r.key()));
            assertThat(dead.value()).isNull();
            assertThat(header(dead, "wedops_dlt-value-left-out")).isEqualTo(Integer.toString(OVERSIZE));
            assertThat(header(dead, "wedops_dlt-reason")).contains("not Avro");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
