package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FlakyScheduleTest {

    private final FlakySchedule venueWifi = new FlakySchedule(Duration.ofSeconds(40), Duration.ofSeconds(20));

    @Test
    void upFirstThenDownThenUpAgain() {
        assertThat(venueWifi.isDown(Duration.ZERO)).isFalse();
        assertThat(venueWifi.isDown(Duration.ofMillis(39_999))).isFalse();
        assertThat(venueWifi.isDown(Duration.ofSeconds(40))).isTrue();
        assertThat(venueWifi.isDown(Duration.ofMillis(59_999))).isTrue();
        assertThat(venueWifi.isDown(Duration.ofSeconds(60))).isFalse();
        assertThat(venueWifi.isDown(Duration.ofSeconds(105))).isTrue();
        assertThat(venueWifi.isDown(Duration.ofSeconds(125))).isFalse();
    }
}
