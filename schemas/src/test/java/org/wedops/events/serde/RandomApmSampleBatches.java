package org.wedops.events.serde;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmSampleKind;

/** Batches of samples of every shape, for holding the hand-written coders to Avro's own. */
final class RandomApmSampleBatches {

    /**
     * Compares samples field by field: their generated {@code equals} compares a double with {@code !=}, so a sample
     * with a NaN duration never equals itself.
     */
    static final RecursiveComparisonConfiguration FIELD_BY_FIELD = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(Double::compare, Double.class).build();

    static final Instant NOW = Instant.parse("2026-06-06T14:00:00.123Z");
    private static final String[] TEXTS = {"", "stripe", "Zürich", "婚礼", "💍 venue", "x".repeat(300)};

    private final Random random = new Random(20260606);

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    ApmSampleBatch batch(int samples) {
        List<ApmSample> list = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            list.add(sample());
        }
        return new ApmSampleBatch(UUID.randomUUID().toString(), NOW, list);
    }

    /** Each nullable field present or not at random, strings of every width of UTF-8, numbers at their extremes. */
    ApmSample sample() {
        ApmSample sample = new ApmSample();
        sample.setEventId(UUID.randomUUID().toString());
        sample.setOccurredAt(NOW.plusMillis(random.nextInt(100_000)));
        sample.setKind(ApmSampleKind.values()[random.nextInt(ApmSampleKind.values().length)]);
        sample.setService(text());
        sample.setOperation(text());
        sample.setProvider(maybe(text()));
        sample.setRegion(text());
        sample.setEnvironment(text());
        sample.setTimestamp(Instant.ofEpochMilli(random.nextBoolean() ? -random.nextInt(1_000_000) : NOW.toEpochMilli() + random.nextInt()));
        sample.setDurationMs(random.nextBoolean() ? random.nextDouble() * 10_000 : new double[] {0.0, -0.0, Double.MAX_VALUE, Double.NaN}[random.nextInt(4)]);
        sample.setSuccess(random.nextBoolean());
        sample.setErrorType(maybe(text()));
        sample.setStatusCode(maybe(random.nextBoolean() ? 200 + random.nextInt(400) : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}[random.nextInt(4)]));
        sample.setChainId(maybe(text()));
        sample.setStep(maybe(text()));
        sample.setRoute(maybe(text()));
        sample.setConnectionCount(maybe(random.nextInt()));
        sample.setDisconnects(maybe(random.nextInt(100)));
        sample.setModel(maybe(text()));
        sample.setTimedOut(maybe(random.nextBoolean()));
        sample.setTokensIn(maybe(random.nextLong()));
        sample.setTokensOut(maybe((long) random.nextInt(100_000)));
        sample.setCostUsd(maybe(random.nextDouble()));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            attributes.put(text() + i, text());
        }
        sample.setAttributes(attributes);
        return sample;
    }

    private String text() {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private <T> T maybe(T value) {
        return random.nextBoolean() ? value : null;
    }
}
