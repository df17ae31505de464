package org.wedops.apm.aggregation;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * ops.apm.samples.v1 → tumbling 1-minute windows per series (the record key) in event time, with a grace for late
 * samples → one {@code ApmWindow} per closed window on ops.apm.windows.v1, keyed by series. The windows are kept by
 * {@link WindowAccumulator} in {@link OpenWindows}, changelogged at each commit.
 */
final class WindowTopology {

    static final String STORE = "apm-open-windows";
    /**
     * The latest window start closed, by stream time or the wall clock. A store of its own, not a special key among
     * the open windows: a version rolled back to would read that key as a window and fail on it.
     */
    static final String CLOSED_STORE = "apm-windows-closed-through";

    private WindowTopology() {
    }

    /** @param source the {@code ce_source} of the windows it writes; the serializer's default when null */
    static Topology build(WindowSettings settings, MeterRegistry meters, Clock clock, String source) {
        AvroEventSerializer serializer = new AvroEventSerializer();
        // without a source the serializer stamps its default, as the service's other producers would
        serializer.configure(source == null ? Map.of() : Map.of(AvroEventSerializer.SOURCE_CONFIG, source), false);
        Serde<SpecificRecord> events = Serdes.serdeFrom(serializer, AvroEventDeserializer.forSampleWindows());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(OpenWindows.builder(STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CLOSED_STORE), Serdes.String(), Serdes.Long())
                .withLoggingEnabled(Map.of()).withCachingDisabled());
        builder.stream(Topics.APM_SAMPLES, Consumed.with(Serdes.String(), events).withTimestampExtractor(new SampleTime(settings.futureSkew(), meters)))
                .filter((series, record) -> record instanceof ApmSampleBatch || series != null && record instanceof ApmSample)
                .process(() -> new WindowAccumulator(settings, meters, clock, STORE, CLOSED_STORE), Named.as("apm-windows-accumulate"), STORE, CLOSED_STORE)
                .to(Topics.APM_WINDOWS, Produced.with(Serdes.String(), events));
        return builder.build();
    }
}
