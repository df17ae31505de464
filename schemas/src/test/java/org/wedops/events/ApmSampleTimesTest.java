package org.wedops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ApmSampleTimesTest {

    @Test
    void setsWhatTheGeneratedSettersSetForWholeAndFractionalMilliseconds() {
        for (String at : new String[] {"2026-06-06T14:00:00Z", "2026-06-06T14:00:00.123Z", "2026-06-06T14:00:00.123456789Z",
                "1969-12-31T23:59:59.999999Z", "1960-01-01T00:00:00.000001Z"}) {
            Instant instant = Instant.parse(at);
            ApmSample bySetters = new ApmSample();
            bySetters.setOccurredAt(instant);
            bySetters.setTimestamp(instant);
            ApmSample byTimes = new ApmSample();

            ApmSampleTimes.setOccurredAt(byTimes, instant);
            ApmSampleTimes.setTimestamp(byTimes, instant);

            assertThat(byTimes.getOccurredAt()).as(at).isEqualTo(bySetters.getOccurredAt());
            assertThat(byTimes.getTimestamp()).as(at).isEqualTo(bySetters.getTimestamp());
        }
    }

    @Test
    void keepsAnInstantOfWholeMillisecondsAsItIs() {
        Instant whole = Instant.ofEpochMilli(1_780_754_400_123L);
        ApmSample sample = new ApmSample();

        ApmSampleTimes.setTimestamp(sample, whole);

        assertThat(sample.getTimestamp()).isSameAs(whole);
    }
}
