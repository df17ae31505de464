package org.wedops.health.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** CPU % from two of the engine's cumulative readings, the way {@code docker stats} computes it. */
class CpuPercentTest {

    @Test
    void isTheContainersShareOfHostCpuTimeBetweenTwoReadingsTimesTheCpus() {
        assertThat(ContainerInspection.cpuPercent(1_000L, 10_000L, 3_000L, 20_000L, 2)).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void isUnknownWithoutAPreviousReading() {
        assertThat(ContainerInspection.cpuPercent(null, null, 3_000L, 20_000L, 2)).isNull();
    }

    @Test
    void isZeroWhenTheCountersWentBackwardsBecauseTheContainerRestarted() {
        assertThat(ContainerInspection.cpuPercent(5_000L, 10_000L, 1_000L, 20_000L, 2)).isZero();
    }
}
