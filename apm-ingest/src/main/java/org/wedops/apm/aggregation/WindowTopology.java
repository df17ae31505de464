package org.wedops.apm.aggregation;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.wedops.events.ApmSample;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * ops.apm.samples.v1 → tumbling 1-minute windows per series (the record key) in event time, with a grace for late
 * samples → one {@code ApmWindow} per closed window on ops.apm.windows.v1, keyed by series.
 */
final class WindowTopology {

    static final String STORE = "apm-windows";

    private WindowTopology() {
    }

    /** @param source the {@code ce_source} of the windows it writes */
    static Topology build(WindowSettings settings, MeterRegistry meters, Clock clock, String source) {
        AvroEventSerializer serializer = new AvroEventSerializer();
        serializer.configure(java.util.Map.of(AvroEventSerializer.SOURCE_CONFIG, source), false);
        Serde<SpecificRecord> events = Serdes.serdeFrom(serializer, new AvroEventDeserializer());
        Serde<ApmSample> samples = Serdes.serdeFrom((topic, sample) -> events.serializer().serialize(topic, sample),
                (topic, bytes) -> (ApmSample) events.deserializer().deserialize(topic, bytes));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.APM_SAMPLES, Consumed.with(Serdes.String(), events).withTimestampExtractor(new SampleTime()))
                .filter((series, record) -> series != null && record instanceof ApmSample)
                .mapValues(record -> (ApmSample) record)
                .processValues(() -> new LateSamples(settings.grace(), meters))
                .groupByKey(Grouped.with(Serdes.String(), samples))
                .windowedBy(TimeWindows.ofSizeAndGrace(WindowSettings.SIZE, settings.grace()))
                .aggregate(WindowAggregate::new, (series, sample, window) -> window.add(sample),
                        Materialized.<String, WindowAggregate, org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new WindowAggregateSerde()))
                // suppression emits a window as soon as stream time passes its end plus the grace (ON_WINDOW_CLOSE checks
                // at most once a wall-clock second, so a quiet partition's last window would wait for more traffic)
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("apm-windows-until-closed"))
                .toStream()
                .map((window, aggregate) -> KeyValue.pair(window.key(), (SpecificRecord) aggregate.toWindow(window.key(),
                        Instant.ofEpochMilli(window.window().start()), Instant.ofEpochMilli(window.window().end()), clock.instant())))
                .to(Topics.APM_WINDOWS, Produced.with(Serdes.String(), events));
        return builder.build();
    }
}
