package org.wedops.localstack.simulate;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * Two AI models reporting their predictions to {@code ops.apm.models.v1}, as the platform's services would (straight
 * to Kafka: there is no HTTP door for observations), so apm-ingest judges real data and the console shows a model's
 * drift. {@code venue-match} behaves as it did a week ago; {@code budget-forecast} scores higher than last week and is
 * right less often, so its drift and accuracy alert. apm-ingest compares the last day with the same hours a week
 * earlier: at start the simulator writes those hours of last week (the models "ran" then too) and the hour before
 * now, then a few predictions every few seconds.
 */
public final class SimulatedModels implements AutoCloseable {

    /**
     * @param referenceMean scores a week ago are spread evenly around this
     * @param currentMean   scores now are spread evenly around this
     * @param wrongPerCent  labelled predictions that turn out wrong, out of a hundred
     */
    record Model(String id, String version, double referenceMean, double currentMean, int wrongPerCent) {
    }

    static final List<Model> MODELS = List.of(
            new Model("venue-match", "3", 0.55, 0.55, 2),
            new Model("budget-forecast", "7", 0.40, 0.70, 20));
    static final Duration EVERY = Duration.ofSeconds(5);
    /** Per model, on each side of the comparison: above apm-ingest's 100 scores, below which drift is not judged. */
    static final int BACKFILL = 240;
    static final int PER_TICK = 2;
    /** How far from the mean scores are spread (evenly: the unchanged model's two sides then match bin for bin). */
    private static final double SPREAD = 0.3;
    private static final List<String> BUDGET_BANDS = List.of("low", "mid", "high");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-models");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();
    private final Producer<String, SpecificRecord> producer;
    private long tick;

    private SimulatedModels(Producer<String, SpecificRecord> producer) {
        this.producer = producer;
    }

    /** One that writes nothing; what it would write can still be looked at. */
    static SimulatedModels idle() {
        return new SimulatedModels(null);
    }

    /**
     * Writes the backfill, then predictions every {@link #EVERY}, through a producer with {@code clientProperties}
     * (a login, for a secured broker) on top of the stack's usual producer settings.
     */
    public static SimulatedModels start(String bootstrapServers, Map<String, Object> clientProperties, PrintStream console) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class);
        config.put(AvroEventSerializer.SOURCE_CONFIG, "wedops/simulator");
        // a broker that is restarting must not hold the simulator's thread for a minute
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        SimulatedModels models = new SimulatedModels(new KafkaProducer<>(config));
        models.scheduler.execute(() -> models.send(models.backfill(Instant.now())));
        models.scheduler.scheduleWithFixedDelay(() -> models.send(models.tick(Instant.now())), EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        console.println("  writing predictions of models " + MODELS.stream().map(Model::id).toList() + " to " + Topics.APM_MODELS
                + " (budget-forecast drifting)");
        return models;
    }

    /**
     * Last week's same hours and the hour before {@code now}, {@link #BACKFILL} predictions each per model. Last week's
     * have ids fixed by the hour they are written in, so a stack restarted within the hour does not write them twice.
     */
    List<ModelObservation> backfill(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<ModelObservation> observations = new ArrayList<>();
        for (Model model : MODELS) {
            Instant weekAgo = hour.minus(Duration.ofDays(7)).minus(Duration.ofHours(6));
            for (int i = 0; i < BACKFILL; i++) {
                Instant at = weekAgo.plusMillis(i * Duration.ofHours(6).toMillis() / BACKFILL);
                observations.add(observation(model, at, spread(model.referenceMean(), i, BACKFILL), i, 2,
                        UUID.nameUUIDFromBytes((model.id() + "|" + at + "|" + i).getBytes(StandardCharsets.UTF_8))));
            }
            Instant hourAgo = now.minus(Duration.ofHours(1));
            for (int i = 0; i < BACKFILL; i++) {
                Instant at = hourAgo.plusMillis(i * Duration.ofHours(1).toMillis() / BACKFILL);
                observations.add(observation(model, at, spread(model.currentMean(), i, BACKFILL), i, model.wrongPerCent(), UUID.randomUUID()));
            }
        }
        return observations;
    }

    /** A few predictions per model made {@code now}. */
    List<ModelObservation> tick(Instant now) {
        List<ModelObservation> observations = new ArrayList<>();
        for (Model model : MODELS) {
            for (int i = 0; i < PER_TICK; i++) {
                long n = tick++;
                double score = model.currentMean() + SPREAD * (random.nextDouble() - 0.5) * 2;
                observations.add(observation(model, now, score, (int) (n % 100), model.wrongPerCent(), UUID.randomUUID()));
            }
        }
        return observations;
    }

    /** The i-th of n scores spread evenly over mean ± SPREAD. */
    private static double spread(double mean, int i, int n) {
        return mean - SPREAD + 2 * SPREAD * (i + 0.5) / n;
    }

    /** Every other prediction has its outcome known; of those, {@code wrongPerCent} in a hundred were wrong. */
    private static ModelObservation observation(Model model, Instant at, double score, int i, int wrongPerCent, UUID eventId) {
        double clamped = Math.max(0, Math.min(1, score));
        String predicted = clamped >= 0.5 ? "match" : "no-match";
        String actual = null;
        if (i % 2 == 0) {
            boolean wrong = (i / 2) % 50 < wrongPerCent / 2;
            actual = wrong ? (predicted.equals("match") ? "no-match" : "match") : predicted;
        }
        return ModelObservation.newBuilder().setEventId(eventId.toString()).setOccurredAt(at).setModelId(model.id())
                .setModelVersion(model.version()).setScore(clamped).setPredictedLabel(predicted).setActualLabel(actual).setRegion("uk")
                .setSegments(Map.of("budgetBand", BUDGET_BANDS.get(i % BUDGET_BANDS.size()))).build();
    }

    private void send(List<ModelObservation> observations) {
        try {
            for (ModelObservation observation : observations) {
                producer.send(new ProducerRecord<>(Topics.APM_MODELS, observation.getModelId(), observation));
            }
            producer.flush();
        } catch (RuntimeException e) {
            // the broker restarting: the next tick tries again
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
