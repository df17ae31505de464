package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;
import org.wedops.events.ApmWindow;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;
import org.wedops.testsupport.MutableClock;

/**
 * The window rules on their own: when a window closes (stream time or wall clock), what it holds, which samples are too
 * late, which are refused, and that a record that cannot be counted goes to the dead-letter topic while the rest goes on.
 */
class WindowTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-06-06T14:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(MINUTE);
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> samples;
    private TestInputTopic<String, byte[]> rawSamples;
    private TestOutputTopic<String, SpecificRecord> windows;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        WindowSettings settings = new WindowSettings(GRACE, "window-topology-test", null, Duration.ofSeconds(1), 1, Duration.ofSeconds(2),
                Duration.ofHours(24), 200, Duration.ofSeconds(10), Duration.ofSeconds(5));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "window-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.putAll(WindowPipeline.DEAD_LETTERS);
        driver = new TopologyTestDriver(WindowTopology.build(settings, meters, clock, "wedops/test"), properties, MINUTE);
        samples = driver.createInputTopic(Topics.APM_SAMPLES, new StringSerializer(), new AvroEventSerializer());
        rawSamples = driver.createInputTopic(Topics.APM_SAMPLES, new StringSerializer(), new ByteArraySerializer());
        windows = driver.createOutputTopic(Topics.APM_WINDOWS, new StringDeserializer(), new AvroEventDeserializer());
        deadLetters = driver.createOutputTopic(Topics.deadLetterOf(Topics.APM_SAMPLES), new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
                UUID.nameUUIDFromBytes((emitted.get(0).getSeriesKey() + "@" + MINUTE.toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void samplesOfABatchJoinTheWindowsOfTheirOwnSeriesBesideSingleSamples() {
        samples.pipeInput(null, new ApmSampleBatch(UUID.randomUUID().toString(), MINUTE, List.of(
                sample("pay", MINUTE.plusSeconds(1), 10), sample("refund", MINUTE.plusSeconds(2), 30), sample("pay", MINUTE.plusSeconds(3), 20))),
                MINUTE.plusSeconds(3));
        samples.pipeInput("HTTP|checkout|pay|stripe|uk|prod", sample("pay", MINUTE.plusSeconds(4), 40), MINUTE.plusSeconds(4));
        send("a", MINUTE.plusSeconds(120), 10);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).extracting(ApmWindow::getSeriesKey, ApmWindow::getCount, ApmWindow::getSum).containsExactlyInAnyOrder(
                tuple("HTTP|checkout|pay|stripe|uk|prod", 3L, 70.0),
                tuple("HTTP|checkout|refund|stripe|uk|prod", 1L, 30.0));
    }

    @Test
    void aBatchIsJudgedByItsEarliestSampleSoNoneOfItIsLateBecauseOfAnother() {
        send("a", MINUTE.plusSeconds(10), 10);
        // the second sample alone would close the first minute (stream time past its end plus the grace)
        samples.pipeInput(null, new ApmSampleBatch(UUID.randomUUID().toString(), MINUTE, List.of(
                sample("pay", MINUTE.plusSeconds(100), 10), sample("pay", MINUTE.plusSeconds(20), 30))), MINUTE.plusSeconds(100));
        send("a", MINUTE.plusSeconds(200), 10);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).filteredOn(window -> window.getSeriesKey().equals("HTTP|checkout|pay|stripe|uk|prod"))
                .extracting(ApmWindow::getWindowStart, ApmWindow::getCount).containsExactlyInAnyOrder(
                        tuple(MINUTE, 1L), tuple(MINUTE.plusSeconds(60), 1L));
        assertThat(meters.find("apm.samples.late").counter()).isNull();
    }

    @Test
    void poisonDurationsAreDeadLetteredWithTheirReasonAndLaterSamplesStillFormWindows() {
        double[] poisons = {Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN, -1, Duration.ofHours(25).toMillis()};
        for (int i = 0; i < poisons.length; i++) {
            send("a", MINUTE.plusSeconds(i), poisons[i]);
        }
        send("a", MINUTE.plusSeconds(10), 10);
        send("a", MINUTE.plusSeconds(20), 20);
        send("b", MINUTE.plusSeconds(120), 5); // closes the first minute by stream time

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        assertThat(emitted).singleElement().satisfies(window -> {
            assertThat(window.getSeriesKey()).isEqualTo("a");
            assertThat(window.getCount()).isEqualTo(2);
            assertThat(window.getSum()).isEqualTo(30.0);
            assertThat(window.getMax()).isEqualTo(20.0);
        });
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(poisons.length);
        assertThat(dead).extracting(record -> header(record, SampleDeadLetters.REASON_HEADER)).containsExactly(
                "InvalidSampleException: no sample of the record can be counted; the first: duration-too-long: durationMs 1.7976931348623157E308",
                "InvalidSampleException: no sample of the record can be counted; the first: duration-not-finite: durationMs Infinity",
                "InvalidSampleException: no sample of the record can be counted; the first: duration-not-finite: durationMs NaN",
                "InvalidSampleException: no sample of the record can be counted; the first: duration-negative: durationMs -1.0",
                "InvalidSampleException: no sample of the record can be counted; the first: duration-too-long: durationMs 9.0E7");
        // the original bytes, as the emitter wrote them, so the record can be read and replayed
        assertThat(((ApmSample) new AvroEventDeserializer().deserialize(Topics.APM_SAMPLES, dead.get(1).value())).getDurationMs())
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new String(dead.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(header(dead.get(1), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.APM_SAMPLES);
        assertThat(dead.get(1).headers().lastHeader("__streams.errors.stacktrace")).isNull();
        assertThat(meters.counter("apm.samples.invalid", "reason", "duration-not-finite").count()).isEqualTo(2.0);
        assertThat(meters.counter("apm.samples.invalid", "reason", "duration-too-long").count()).isEqualTo(2.0);
        assertThat(meters.counter("apm.samples.invalid", "reason", "duration-negative").count()).isEqualTo(1.0);
    }

    @Test
    void aBatchKeepsItsGoodSamplesAndSkipsAndCountsItsBadOnesWithoutADeadLetter() {
        ApmSample oversize = sample("pay", MINUTE.plusSeconds(3), 10);
        oversize.setService("x".repeat(201));
        samples.pipeInput(null, new ApmSampleBatch(UUID.randomUUID().toString(), MINUTE, List.of(
                sample("pay", MINUTE.plusSeconds(1), 10), sample("pay", MINUTE.plusSeconds(2), Double.MAX_VALUE), oversize,
                sample("pay", MINUTE.plusSeconds(4), 30))), MINUTE.plusSeconds(4));
        send("b", MINUTE.plusSeconds(120), 5);

        assertThat(windows.readValuesToList().stream().map(ApmWindow.class::cast).toList())
                .filteredOn(window -> window.getSeriesKey().equals("HTTP|checkout|pay|stripe|uk|prod"))
                .singleElement().satisfies(window -> assertThat(window.getCount()).isEqualTo(2));
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(meters.counter("apm.samples.invalid", "reason", "duration-too-long").count()).isEqualTo(1.0);
        assertThat(meters.counter("apm.samples.invalid", "reason", "label-too-long").count()).isEqualTo(1.0);
    }

    @Test
    void aSingleSampleWithAnOversizeLabelIsDeadLettered() {
        ApmSample sample = sample("pay", MINUTE.plusSeconds(1), 10);
        sample.setOperation("GET /" + "a".repeat(300));
        samples.pipeInput("a", sample, MINUTE.plusSeconds(1));

        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(record -> assertThat(header(record, SampleDeadLetters.REASON_HEADER))
                .contains("label-too-long"));
        assertThat(meters.counter("apm.samples.invalid", "reason", "label-too-long").count()).isEqualTo(1.0);
    }

    @Test
    void aRecordThatCannotBeDecodedIsDeadLetteredWithItsBytesAndTheStreamGoesOn() {
        byte[] garbage = "{\"durationMs\": 1.7976931348623157e308}".getBytes(StandardCharsets.UTF_8);
        rawSamples.pipeInput("a", garbage, MINUTE);
        send("a", MINUTE.plusSeconds(10), 10);
        send("b", MINUTE.plusSeconds(120), 5);

        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(garbage);
            assertThat(header(record, SampleDeadLetters.REASON_HEADER)).startsWith("SerializationException");
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
        });
        assertThat(windows.readValuesToList()).singleElement().satisfies(window -> assertThat(((ApmWindow) window).getCount()).isEqualTo(1));
    }

    @Test
    void aQuietSeriesWindowIsEmittedByTheWallClockOnceItsEndPlusTheGraceHasPassedAndOnlyOnce() {
        send("quiet", MINUTE.plusSeconds(10), 10);
        passWallClock(Duration.ofSeconds(5));
        passWallClock(Duration.ofSeconds(84)); // 14:01:29: the grace still runs
        assertThat(windows.isEmpty()).isTrue();

        passWallClock(Duration.ofSeconds(5)); // 14:01:34

        assertThat(windows.readValuesToList()).singleElement().satisfies(window -> {
            assertThat(((ApmWindow) window).getSeriesKey()).isEqualTo("quiet");
            assertThat(((ApmWindow) window).getWindowStart()).isEqualTo(MINUTE);
        });
        // what a restart restores, so the window is not opened again after one
        assertThat(driver.<String, Long>getKeyValueStore(WindowTopology.CLOSED_STORE).get("closed-through")).isEqualTo(MINUTE.toEpochMilli());
        // closed by the wall clock: a sample for it now is late, and stream time passing it later emits nothing again
        samples.pipeInput("quiet", sample("pay", MINUTE.plusSeconds(20), 99), MINUTE.plusSeconds(95));
        send("other", MINUTE.plusSeconds(95), 1);
        send("other", MINUTE.plusSeconds(300), 1);
        passWallClock(Duration.ofSeconds(5));
        assertThat(windows.readValuesToList().stream().map(ApmWindow.class::cast).toList())
                .noneMatch(window -> window.getSeriesKey().equals("quiet"));
        assertThat(meters.counter("apm.samples.late", "service", "checkout").count()).isEqualTo(1.0);
    }

    @Test
    void whileABacklogIsReadTheWallClockLeavesItsWindowsToStreamTime() {
        clock.set(MINUTE.plus(Duration.ofMinutes(10)));
        send("a", MINUTE.plusSeconds(1), 10);
        passWallClock(Duration.ofSeconds(5)); // records were read, and stream time is minutes behind: a backlog
        send("a", MINUTE.plusSeconds(2), 20); // not late: its window is still open
        passWallClock(Duration.ofSeconds(5));
        assertThat(windows.isEmpty()).isTrue();

        passWallClock(Duration.ofSeconds(5)); // nothing read since: caught up

        assertThat(windows.readValuesToList()).singleElement().satisfies(window -> assertThat(((ApmWindow) window).getCount()).isEqualTo(2));
    }

    @Test
    void aSampleFiftyMinutesAheadNeitherClosesAnotherSeriesWindowNorMakesItsSamplesLate() {
        send("a", MINUTE.plusSeconds(10), 10);
        samples.pipeInput("ahead", sample("pay", MINUTE.plus(Duration.ofMinutes(50)), 7), MINUTE.plusSeconds(12));
        send("a", MINUTE.plusSeconds(40), 20);
        assertThat(windows.isEmpty()).isTrue();

        send("b", MINUTE.plusSeconds(120), 5);

        List<ApmWindow> emitted = windows.readValuesToList().stream().map(ApmWindow.class::cast).toList();
        // counted at its ingest time plus the 10 s skew, in the window open then
        assertThat(emitted).extracting(ApmWindow::getSeriesKey, ApmWindow::getWindowStart, ApmWindow::getCount).containsExactlyInAnyOrder(
                tuple("a", MINUTE, 2L), tuple("ahead", MINUTE, 1L));
        assertThat(meters.find("apm.samples.late").counter()).isNull();
        assertThat(meters.counter("apm.samples.clamped").count()).isEqualTo(1.0);
    }

    /** An honest sample: ingested when it was measured. */
    private void send(String series, Instant at, double durationMs) {
        samples.pipeInput(series, sample("pay", at, durationMs), at);
    }

    private void passWallClock(Duration duration) {
        clock.set(clock.instant().plus(duration));
        driver.advanceWallClockTime(duration);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The wall clock the accumulator decides by, moved by the test together with the driver's. */

    private static ApmSample sample(String operation, Instant at, double durationMs) {
        return ApmSample.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setKind(ApmSampleKind.HTTP).setService("checkout").setOperation(operation).setProvider("stripe").setRegion("uk")
                .setEnvironment("prod").setTimestamp(at).setDurationMs(durationMs).setSuccess(true).build();
    }
}
