package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.testsupport.SharedKafka;
import org.wedops.testsupport.TopicProbe;

class SimulatedModelsTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:25:00Z");

    @Test
    void theBackfillGivesApmIngestLastWeeksSameHoursAndTheLastHourWithOneModelDrifting() {
        List<ModelObservation> backfill = SimulatedModels.idle().backfill(NOW);

        for (String model : List.of("venue-match", "budget-forecast")) {
            List<ModelObservation> weekAgo = of(backfill, model, o -> o.getOccurredAt().isBefore(NOW.minus(Duration.ofDays(6))));
            List<ModelObservation> lastHour = of(backfill, model, o -> o.getOccurredAt().isAfter(NOW.minus(Duration.ofDays(1))));
            // apm-ingest judges drift from 100 scores on each side, in the last day against the same hours a week earlier
            assertThat(weekAgo).hasSize(SimulatedModels.BACKFILL).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.getOccurredAt()).isBetween(NOW.minus(Duration.ofDays(7)).minus(Duration.ofDays(1)),
                            NOW.minus(Duration.ofDays(7))));
            assertThat(lastHour).hasSize(SimulatedModels.BACKFILL)
                    .allSatisfy(o -> assertThat(o.getOccurredAt()).isBetween(NOW.minus(Duration.ofHours(1)), NOW));
            assertThat(backfill).allSatisfy(o -> assertThat(o.getScore()).isBetween(0.0, 1.0));
            // labelled often enough to judge accuracy (30 per side and segment value)
            assertThat(lastHour.stream().filter(o -> o.getActualLabel() != null)).hasSizeGreaterThanOrEqualTo(90);
        }
        assertThat(mean(of(backfill, "venue-match", lastHourOnly())) - mean(of(backfill, "venue-match", weekAgoOnly()))).isCloseTo(0, offset());
        assertThat(mean(of(backfill, "budget-forecast", lastHourOnly())) - mean(of(backfill, "budget-forecast", weekAgoOnly())))
                .isCloseTo(0.30, offset());
        assertThat(accuracy(of(backfill, "venue-match", lastHourOnly()))).isGreaterThan(0.95);
        assertThat(accuracy(of(backfill, "budget-forecast", lastHourOnly()))).isBetween(0.75, 0.85);
    }

    @Test
    void lastWeeksBackfillIsWrittenOnceWhenTheStackRestartsWithinTheHour() {
        SimulatedModels simulator = SimulatedModels.idle();
        List<String> first = weekAgoIds(simulator.backfill(NOW));
        List<String> again = weekAgoIds(simulator.backfill(NOW.plus(Duration.ofMinutes(20))));

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void predictionsReachTheModelsTopicAsEventsApmIngestReads() throws Exception {
        // as apm-ingest declares it at its start: a probe subscribed to a topic that does not exist yet may not see it for minutes
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.brokers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.APM_MODELS, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TopicProbe<SpecificRecord> topic = TopicProbe.events(Topics.APM_MODELS);
             SimulatedModels ignored = SimulatedModels.start(SharedKafka.brokers(), Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Instant started = Instant.now();
            for (String model : List.of("venue-match", "budget-forecast")) {
                // a prediction of now, from the ticks after the backfill
                ConsumerRecord<String, SpecificRecord> record = topic.await(r -> r.value() instanceof ModelObservation o
                        && o.getModelId().equals(model) && !o.getOccurredAt().isBefore(started.minusSeconds(1)));
                assertThat(record.key()).isEqualTo(model);
                assertThat(new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8)).isEqualTo("wedops/simulator");
            }
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(Topics.APM_MODELS, "budget-forecast drifting");
    }

    private static List<String> weekAgoIds(List<ModelObservation> backfill) {
        return backfill.stream().filter(weekAgoOnly()).map(ModelObservation::getEventId).toList();
    }

    private static Predicate<ModelObservation> weekAgoOnly() {
        return o -> o.getOccurredAt().isBefore(NOW.minus(Duration.ofDays(6)));
    }

    private static Predicate<ModelObservation> lastHourOnly() {
        return o -> o.getOccurredAt().isAfter(NOW.minus(Duration.ofDays(1)));
    }

    private static List<ModelObservation> of(List<ModelObservation> observations, String model, Predicate<ModelObservation> when) {
        return observations.stream().filter(o -> o.getModelId().equals(model)).filter(when).toList();
    }

    private static double mean(List<ModelObservation> observations) {
        return observations.stream().mapToDouble(ModelObservation::getScore).average().orElseThrow();
    }

    private static double accuracy(List<ModelObservation> observations) {
        List<ModelObservation> labelled = observations.stream().filter(o -> o.getActualLabel() != null).toList();
        return labelled.stream().filter(o -> o.getActualLabel().equals(o.getPredictedLabel())).count() / (double) labelled.size();
    }

    private static org.assertj.core.data.Offset<Double> offset() {
        return org.assertj.core.data.Offset.offset(0.01);
    }
}
