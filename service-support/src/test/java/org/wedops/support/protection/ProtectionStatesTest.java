package org.wedops.support.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ProtectionState;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;

class ProtectionStatesTest {

    private static final Instant NOW = Instant.parse("2026-06-06T12:00:00Z");

    private final ProtectionStates view = new ProtectionStates(Clock.fixed(NOW, ZoneOffset.UTC),
            new ProtectionViewProperties(Duration.ofMinutes(2), Duration.ofSeconds(1)));

    @Test
    void anOlderStateArrivingLateDoesNotReplaceTheNewerOne() {
        read(state(NOW.minusSeconds(60), true));
        read(state(NOW.minusSeconds(600), false));

        assertThat(view.of("uk")).hasValueSatisfying(state -> assertThat(state.getFreezeActive()).isTrue());
    }

    @Test
    void aStateStampedInTheFutureDoesNotKeepTheTrueStatesAfterItOut() {
        read(state(NOW.plus(Duration.ofDays(365)), false));
        read(state(NOW.minusSeconds(10), true));

        assertThat(view.of("uk")).hasValueSatisfying(state -> assertThat(state.getFreezeActive()).isTrue());
    }

    private void read(ProtectionState state) {
        view.onProtectionState(new ConsumerRecord<String, SpecificRecord>(Topics.PROTECTION, 0, 0, state.getRegion(), state));
    }

    private static ProtectionState state(Instant occurredAt, boolean frozen) {
        return ProtectionState.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(occurredAt).setRegion("uk")
                .setTimeZone("Europe/London").setLevel(ProtectionLevel.NORMAL).setProfile(ThresholdProfile.STANDARD)
                .setFreezeActive(frozen).setReasons(List.of()).setNextChangeAt(NOW.plus(Duration.ofHours(1))).build();
    }
}
