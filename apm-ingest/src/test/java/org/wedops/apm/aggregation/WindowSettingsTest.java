package org.wedops.apm.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WindowSettingsTest {

    @Test
    void withoutAStateDirectoryTheStoresLiveInTheJvmsTemporaryDirectoryNotInOneNamedAfterAPlaceholder() {
        WindowSettings settings = new WindowSettings(Duration.ofSeconds(30), "wedops-apm-windows", null, Duration.ofSeconds(1), 1, Duration.ofSeconds(30));

        assertThat(settings.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "wedops-apm-streams").toString());
        assertThat(new WindowSettings(Duration.ofSeconds(30), "id", "/var/lib/wedops/streams", Duration.ofSeconds(1), 1, Duration.ofSeconds(30)).stateDir())
                .isEqualTo("/var/lib/wedops/streams");
    }
}
