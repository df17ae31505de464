package org.wedops.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApmMinutesTest {

    private static final Instant NOW = Instant.parse("2026-06-06T14:00:40Z");
    private final ApmMinutes minutes = new ApmMinutes(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFirstWindowOfAMinuteAnnouncesItAndTheOtherSeriesOfThatMinuteSayNothingMore() {
        Optional<LiveEvent> first = minutes.closed(window("2026-06-06T14:00:00Z", "payments"));
        assertThat(first).hasValueSatisfying(event -> {
            assertThat(event.kind()).isEqualTo("apm");
            assertThat(event.event()).containsEntry("windowEnd", "2026-06-06T14:00:00Z").doesNotContainKey("service");
            assertThat(event.id()).isEqualTo("apm-" + Instant.parse("2026-06-06T14:00:00Z").toEpochMilli());
        });
        assertThat(minutes.closed(window("2026-06-06T14:00:00Z", "crm"))).isEmpty();
        assertThat(minutes.closed(window("2026-06-06T13:59:00Z", "late"))).as("an older minute, late").isEmpty();
        assertThat(minutes.closed(window("2026-06-06T14:01:00Z", "crm"))).as("the next minute").isPresent();
    }

    @Test
    void aWindowFromTooFarAheadIsNotBelievedAndDoesNotSilenceTheMinutesBeforeIt() {
        assertThat(minutes.closed(window("2026-06-06T15:00:00Z", "wrong-clock"))).isEmpty();
        assertThat(minutes.closed(window("2026-06-06T14:02:00Z", "payments"))).as("within the skew").isPresent();
    }

    @Test
    void aWindowWithoutAReadableEndIsSkipped() {
        Map<String, Object> noEnd = new HashMap<>(window("2026-06-06T14:00:00Z", "x"));
        noEnd.remove("windowEnd");
        assertThat(minutes.closed(noEnd)).isEmpty();
        assertThat(minutes.closed(window("yesterday", "x"))).isEmpty();
        assertThat(minutes.closed(window("2026-06-06T14:00:00Z", "x"))).isPresent();
    }

    private static Map<String, Object> window(String end, String service) {
        return Map.of("windowEnd", end, "service", service, "count", 10L, "errors", 0L);
    }
}
