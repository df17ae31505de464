package org.wedops.support.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Why a batch listener cannot use a record, as the exception its dead letter should carry: the decoding failure the
 * ErrorHandlingDeserializer put in the headers, or the event type that does not belong on the topic. Without it the
 * dead letter would only say "record 3 is unusable", which tells an operator nothing.
 */
public final class UnusableRecords {

    private static final LogAccessor LOG = new LogAccessor(UnusableRecords.class);

    private UnusableRecords() {
    }

    public static RuntimeException cause(ConsumerRecord<?, ? extends SpecificRecord> record, String expectedEvent) {
        var decoding = SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (decoding != null) {
            return decoding;
        }
        return new IllegalArgumentException(record.topic() + " carries " + expectedEvent + " events, not "
                + (record.value() == null ? "null" : record.value().getSchema().getFullName()));
    }
}
