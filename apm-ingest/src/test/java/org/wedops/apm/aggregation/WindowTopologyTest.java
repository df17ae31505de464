package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;

/** The window rules on their own: when a window closes, what it holds, which samples are too late. */
class WindowTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-06-06T14:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> samples;
    private TestOutputTopic<String, SpecificRecord> windows;

    @BeforeEach
    void start() {
        WindowSettings settings = new WindowSettings(GRACE, "window-topology-test", null, Duration.ofSeconds(1), 1, Duration.ofSeconds(2));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "window-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(WindowTopology.build(settings, meters, Clock.fixed(MINUTE, ZoneOffset.UTC), "wedops/test"), properties);
        samples = driver.createInputTopic(Topics.APM_SAMPLES, new StringSerializer(), new AvroEventSerializer());
        windows = driver.createOutputTopic(Topics.APM_WINDOWS, new StringDeserializer(), new AvroEventDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aWindowIsEmittedOnceStreamTimeReachesItsEndPlusTheGraceAndNotBefore() {
        send("a", MINUTE.plusSeconds(1), 10);
        send("a", MINUTE.plusSeconds(59), 30);
        send("b", MINUTE.plusSeconds(89).plusMillis(999), 5);
        assertThat(windows.isEmpty()).isTrue();

        send("b", MINUTE.plusSeconds(90), 7);

        List<SpecificRecord> emitted = windows.readValuesToList();
        assertThat(emitted).hasSize(1);
        ApmWindow window = (ApmWindow) emitted.get(0);
        assertThat(window.getSeriesKey()).isEqualTo("a");
        assertThat(window.getWindowStart()).isEqualTo(MINUTE);
        assertThat(window.getWindowEnd()).isEqualTo(MINUTE.plusSeconds(60));
        assertThat(window.getCount()).isEqualTo(2);
        assertThat(window.getSum()).isEqualTo(40.0);
        assertThat(window.getMin()).isEqualTo(10.0);
        assertThat(window.getMax()).isEqualTo(30.0);
    }

    @Test
    void aSampleWithinTheGraceJoinsItsWindowAndOneAfterItIsDroppedAndCountedAsLate() {
        send("a", MINUTE.plusSeconds(10), 10);
        send("a", MINUTE.plusSeconds(80), 10); // stream time 14:01:20: the 14:00 window still open
        send("a", MINUTE.plusSeconds(20), 20); // late, within the grace
        send("a", MINUTE.plusSeconds(150), 10); // closes 14:00 (and 14:01 at 14:02:30)
        send("a", MINUTE.plusSeconds(30), 99); // after the close

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).extracting(ApmWindow::getWindowStart).containsExactly(MINUTE, MINUTE.plusSeconds(60));
        assertThat(emitted.get(0).getCount()).isEqualTo(2);
        assertThat(emitted.get(0).getMax()).isEqualTo(20.0);
        assertThat(meters.counter("apm.samples.late", "service", "checkout").count()).isEqualTo(1.0);
    }

    @Test
    void eachSeriesHasItsOwnWindowWithTheSameIdEveryTime() {
        send("a", MINUTE.plusSeconds(1), 10);
        send("b", MINUTE.plusSeconds(2), 20);
        send("a", MINUTE.plusSeconds(120), 10);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).extracting(ApmWindow::getSeriesKey).containsExactlyInAnyOrder("a", "b");
        assertThat(emitted).allSatisfy(window -> assertThat(window.getCount()).isEqualTo(1));
        assertThat(emitted.get(0).getEventId()).isEqualTo(
                UUID.nameUUIDFromBytes((emitted.get(0).getSeriesKey() + "@" + MINUTE.toEpochMilli()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    @Test
    void samplesOfABatchJoinTheWindowsOfTheirOwnSeriesBesideSingleSamples() {
        samples.pipeInput(null, new ApmSampleBatch(UUID.randomUUID().toString(), MINUTE, List.of(
                sample("pay", MINUTE.plusSeconds(1), 10), sample("refund", MINUTE.plusSeconds(2), 30), sample("pay", MINUTE.plusSeconds(3), 20))));
        samples.pipeInput("HTTP|checkout|pay|stripe|uk|prod", sample("pay", MINUTE.plusSeconds(4), 40));
        send("a", MINUTE.plusSeconds(120), 10);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).extracting(ApmWindow::getSeriesKey, ApmWindow::getCount, ApmWindow::getSum).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("HTTP|checkout|pay|stripe|uk|prod", 3L, 70.0),
                org.assertj.core.groups.Tuple.tuple("HTTP|checkout|refund|stripe|uk|prod", 1L, 30.0));
    }

    @Test
    void aBatchIsJudgedByItsEarliestSampleSoNoneOfItIsLateBecauseOfAnother() {
        send("a", MINUTE.plusSeconds(10), 10);
        // the second sample alone would close the first minute (stream time past its end plus the grace)
        samples.pipeInput(null, new ApmSampleBatch(UUID.randomUUID().toString(), MINUTE, List.of(
                sample("pay", MINUTE.plusSeconds(100), 10), sample("pay", MINUTE.plusSeconds(20), 30))));
        send("a", MINUTE.plusSeconds(200), 10);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).filteredOn(window -> window.getSeriesKey().equals("HTTP|checkout|pay|stripe|uk|prod"))
                .extracting(ApmWindow::getWindowStart, ApmWindow::getCount).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MINUTE, 1L), org.assertj.core.groups.Tuple.tuple(MINUTE.plusSeconds(60), 1L));
        assertThat(meters.find("apm.samples.late").counter()).isNull();
    }

    private void send(String series, Instant at, double durationMs) {
        samples.pipeInput(series, sample("pay", at, durationMs));
    }

    private static ApmSample sample(String operation, Instant at, double durationMs) {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setKind(ApmSampleKind.HTTP).setService("checkout").setOperation(operation).setProvider("stripe").setRegion("uk")
                .setEnvironment("prod").setTimestamp(at).setDurationMs(durationMs).setSuccess(true).build();
    }
}
