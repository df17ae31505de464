package org.wedops.apm.errors;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ApmSample;
import org.wedops.events.Topics;

/**
 * Counts failed samples of ops.apm.samples.v1 into error groups, a poll at a time, in a consumer group of its own
 * (the windows pipeline reads the same topic independently). The offsets are acknowledged after the counts committed;
 * a record that is not a sample is passed over here, since the windows pipeline dead-letters it.
 */
@Component
class ErrorGroupListener {

    private final ErrorGroupStore store;

    ErrorGroupListener(ErrorGroupStore store) {
        this.store = store;
    }

    @KafkaListener(id = ErrorGroupStore.CONSUMER, topics = Topics.APM_SAMPLES, batch = "true", properties = "max.poll.records=5000")
    void onSamples(List<ConsumerRecord<String, SpecificRecord>> records, Acknowledgment ack) {
        List<ErrorGroupStore.Consumed> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            batch.add(new ErrorGroupStore.Consumed(record.topic(), record.partition(), record.offset(),
                    record.value() instanceof ApmSample sample ? sample : null));
        }
        store.count(batch).block();
        ack.acknowledge();
    }
}
