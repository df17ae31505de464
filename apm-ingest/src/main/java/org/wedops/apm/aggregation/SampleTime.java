package org.wedops.apm.aggregation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.wedops.events.ApmSample;

/** Windows are in event time: when the measured call happened, not when its sample reached Kafka. */
final class SampleTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ApmSample sample) {
            return sample.getTimestamp().toEpochMilli();
        }
        return record.timestamp();
    }
}
