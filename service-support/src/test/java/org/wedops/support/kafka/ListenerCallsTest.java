package org.wedops.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class ListenerCallsTest {

    private final ListenerCalls calls = new ListenerCalls(new WedopsKafkaProperties("127.0.0.1:9092", 1, (short) 1, 2,
            Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMillis(200), null));

    @Test
    void aCallThatOutlastsTheTimeoutFailsInsteadOfHoldingTheConsumer() {
        assertThatThrownBy(() -> calls.await(Mono.never())).isInstanceOf(IllegalStateException.class).hasMessageContaining("Timeout");
    }

    @Test
    void aCallThatAnswersGivesItsResultAndAnEmptyOneNull() {
        assertThat(calls.await(Mono.just(true))).isTrue();
        assertThat(calls.<Object>await(Mono.empty())).isNull();
    }
}
