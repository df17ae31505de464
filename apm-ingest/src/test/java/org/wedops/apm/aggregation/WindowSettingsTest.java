package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WindowSettingsTest {

    @Test
    void withoutAStateDirectoryTheStoresLiveInTheJvmsTemporaryDirectoryNotInOneNamedAfterAPlaceholder() {
        WindowSettings settings = settings(null, Duration.ofSeconds(10));

        assertThat(settings.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "wedops-apm-streams").toString());
        assertThat(settings("/var/lib/wedops/streams", Duration.ofSeconds(10)).stateDir())
                .isEqualTo("/var/lib/wedops/streams");
    }

    @Test
    void aFutureSkewBeyondTheGraceIsRefusedSinceAClampedSampleCouldThenMakeHonestOnesLate() {
        assertThatThrownBy(() -> settings(null, Duration.ofSeconds(31))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future-skew");
    }

    private static WindowSettings settings(String stateDir, Duration futureSkew) {
        return new WindowSettings(Duration.ofSeconds(30), "wedops-apm-windows", stateDir, Duration.ofSeconds(1), 1, Duration.ofSeconds(30),
                Duration.ofHours(24), 200, futureSkew, Duration.ofSeconds(5));
    }
}
