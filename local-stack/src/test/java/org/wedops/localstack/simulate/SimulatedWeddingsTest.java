package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimulatedWeddingsTest {

    @Test
    void everyWeddingIsInProgressInItsRegionsLocalTimeAndOnItsLocalDate() {
        // 23:30 UTC: past midnight in London (BST) and India, still the evening in New York; each began an hour before the hour
        List<Map<String, Object>> weddings = SimulatedWeddings.at(Instant.parse("2026-06-05T23:30:00Z"));

        assertThat(weddings).extracting(w -> w.get("region") + " " + w.get("date") + " " + w.get("startTime") + "-" + w.get("endTime"))
                .containsExactly("uk 2026-06-05 23:00-07:00", "uk 2026-06-05 23:00-07:00",
                        "in 2026-06-06 04:00-12:00", "us-east 2026-06-05 18:00-02:00");
    }

    @Test
    void idsCarryTheLocalDateSoARestartTheSameDayAddsNothing() {
        List<Object> morning = SimulatedWeddings.at(Instant.parse("2026-06-06T09:10:00Z")).stream().map(w -> w.get("id")).toList();
        List<Object> noon = SimulatedWeddings.at(Instant.parse("2026-06-06T12:10:00Z")).stream().map(w -> w.get("id")).toList();

        assertThat(morning).doesNotHaveDuplicates().isEqualTo(noon).contains("sim-uk-indian-2026-06-06");
    }
}
