package org.wedops.apm.aggregation;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The window store's (and its changelog's) encoding of {@link WindowAggregate}. */
final class WindowAggregateSerde implements Serde<WindowAggregate> {

    @Override
    public Serializer<WindowAggregate> serializer() {
        return (topic, aggregate) -> aggregate == null ? null : aggregate.toBytes();
    }

    @Override
    public Deserializer<WindowAggregate> deserializer() {
        return (topic, bytes) -> bytes == null ? null : WindowAggregate.fromBytes(bytes);
    }
}
