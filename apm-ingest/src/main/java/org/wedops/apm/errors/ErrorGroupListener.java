package org.wedops.apm.errors;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.apm.ingest.SampleOutcomeHeader;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Counts failed samples of ops.apm.samples.v1 into error groups, a poll at a time, in a consumer group of its own
 * (the windows pipeline reads the same topic independently). The offsets are acknowledged after the counts committed;
 * a record that is not a sample is passed over here, since the windows pipeline dead-letters it. Records arrive undecoded:
 * a sample that says in its header it succeeded is passed over without decoding it, which is nearly all of them.
 */
@Component
@RequiredArgsConstructor
class ErrorGroupListener {

    private final ErrorGroupStore store;
    private final AvroEventDeserializer samples = new AvroEventDeserializer();
    private final ListenerCalls calls;

    @KafkaListener(id = "error-groups", groupId = "${spring.application.name}-error-groups", topics = Topics.APM_SAMPLES, batch = "true", properties = {"max.poll.records=5000",
            // error counts may lag by half a second; a transaction per small poll cost more than the counting. At full
            // load 1 MB came every 30 ms, so a poll waits for 8 MB (from partitions of up to 4 MB each) or half a second
            "fetch.min.bytes=8388608", "max.partition.fetch.bytes=4194304", "fetch.max.wait.ms=500",
            // neither can fail, so without the error-handling wrappers, which look through every record's headers
            "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"})
    void onSamples(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<ErrorGroupStore.Consumed> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(new ErrorGroupStore.Consumed(record.topic(), record.partition(), record.offset(), failedSamples(record)));
        }
        // a poll without failures has nothing to count, so nothing to be idempotent about either
        if (batch.stream().anyMatch(consumed -> !consumed.samples().isEmpty())) {
            calls.await(store.count(batch));
        }
        ack.acknowledge();
    }

    /** The failed samples a record carries: none when its header says they all succeeded, without decoding it. */
    private List<ApmSample> failedSamples(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || SampleOutcomeHeader.saysSuccess(record.headers())) {
            return List.of();
        }
        try {
            Object event = samples.deserialize(record.topic(), record.headers(), record.value());
            List<ApmSample> carried = event instanceof ApmSampleBatch batch ? batch.getSamples()
                    : event instanceof ApmSample sample ? List.of(sample) : List.of();
            return carried.stream().filter(sample -> !sample.getSuccess()).toList();
        } catch (RuntimeException notAnEvent) {
            return List.of();
        }
    }
}
