package org.wedops.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class LiveHubTest {

    private static LiveEvent protection(String region, String occurredAt, String level) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", region + "-" + occurredAt);
        fields.put("occurredAt", occurredAt);
        fields.put("region", region);
        fields.put("level", level);
        return new LiveEvent("protection", region + "-" + occurredAt, region, fields);
    }

    private static LiveEvent alert(int n) {
        return new LiveEvent("alert", "a" + n, "fp" + n, Map.of("eventId", "a" + n, "occurredAt", "2026-06-06T14:00:00Z"));
    }

    @Test
    void aNewStreamStartsWithTheNewestProtectionStateOfEveryRegionThenWhatComes() {
        LiveHub hub = new LiveHub(10, 16);
        hub.publish(protection("uk", "2026-06-06T14:00:00Z", "HIGH"));
        hub.publish(protection("uk", "2026-06-06T13:00:00Z", "NORMAL")); // older, arriving late: not the state
        hub.publish(protection("in", "2026-06-06T14:00:00Z", "MAXIMUM"));
        hub.publish(alert(1)); // before the stream opened: not replayed

        Flux<LiveEvent> stream = hub.open().orElseThrow();

        StepVerifier.create(stream)
                .recordWith(java.util.ArrayList::new)
                .expectNextCount(2)
                .consumeRecordedWith(snapshot -> assertThat(snapshot)
                        .extracting(event -> event.key() + "=" + event.event().get("level"))
                        .containsExactlyInAnyOrder("uk=HIGH", "in=MAXIMUM"))
                .then(() -> hub.publish(alert(2)))
                .assertNext(event -> assertThat(event.id()).isEqualTo("a2"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aClientThatFallsMoreThanItsBufferBehindIsDroppedWhileAnotherKeepsEverything() {
        LiveHub hub = new LiveHub(10, 16);
        Flux<LiveEvent> slow = hub.open().orElseThrow();
        Flux<LiveEvent> fast = hub.open().orElseThrow();

        StepVerifier.create(slow, 0) // requests nothing: a phone on a bad network
                .then(() -> {
                    for (int i = 0; i < 100; i++) {
                        hub.publish(alert(i));
                    }
                })
                .thenRequest(1000)
                .recordWith(java.util.ArrayList::new)
                .thenConsumeWhile(event -> true)
                // what it had room for (its buffer, plus what the merge had fetched), never all 100, then it is told
                .consumeRecordedWith(received -> assertThat(received).hasSizeBetween(1, 16 + 32))
                .expectError(LiveHub.SlowClientException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(hub.openStreams()).isEqualTo(1);

        StepVerifier.create(fast)
                .then(() -> {
                    for (int i = 0; i < 100; i++) {
                        hub.publish(alert(i));
                    }
                })
                .expectNextCount(100)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void noMoreStreamsThanTheLimitAndAClosedOneFreesItsPlace() {
        LiveHub hub = new LiveHub(2, 16);
        var first = hub.open().orElseThrow().subscribe();
        hub.open().orElseThrow().subscribe();

        assertThat(hub.open()).isEmpty();
        first.dispose();
        assertThat(hub.open()).isPresent();
    }

    @Test
    void absurdLimitsAreRefusedAtStartWithThePropertysName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiveProperties(true, 0, 256, Duration.ofSeconds(15)))
                .hasMessageContaining("wedops.gateway.live.max-clients");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiveProperties(true, 10, 1, Duration.ofSeconds(15)))
                .hasMessageContaining("wedops.gateway.live.client-buffer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiveProperties(true, 10, 256, Duration.ZERO))
                .hasMessageContaining("wedops.gateway.live.heartbeat");
    }
}
