package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimulatedSamplesTest {

    @Test
    void aBatchCarriesTheWebhookChainTheCrmAndTheModelWithValidDurations() {
        try (SimulatedSamples samples = SimulatedSamples.idle()) {
            List<Map<String, Object>> batch = samples.batch(Instant.parse("2026-06-06T14:00:00Z"));

            assertThat(batch).hasSize(44);
            assertThat(batch).extracting(sample -> sample.get("kind")).containsOnly("WEBHOOK", "HTTP", "AI_INFERENCE");
            assertThat(batch).allSatisfy(sample -> {
                assertThat((Double) sample.get("durationMs")).isPositive();
                assertThat(sample).containsEntry("timestamp", "2026-06-06T14:00:00Z").containsEntry("region", "uk");
            });
        }
    }
}
