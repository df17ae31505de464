package org.wedops.apm.aggregation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;

/**
 * Windows are in event time: when the measured call happened, not when its sample reached Kafka. A batch counts as
 * its earliest sample, so no sample of it is judged late by a later one of the same batch.
 */
final class SampleTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ApmSample sample) {
            return sample.getTimestamp().toEpochMilli();
        }
        if (record.value() instanceof ApmSampleBatch batch && !batch.getSamples().isEmpty()) {
            return batch.getSamples().stream().mapToLong(sample -> sample.getTimestamp().toEpochMilli()).min().orElseThrow();
        }
        return record.timestamp();
    }
}
