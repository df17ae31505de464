package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wedops.testsupport.StartupFailure;

/** A wrong setting of the door stops the start, and the failure names the property. */
class DoorSettingsBindingTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "wedops.apm.max-batch-samples,             0",
            "wedops.apm.max-batch-size,                3GB",
            "wedops.apm.max-future-skew,               -1s",
            "wedops.apm.labels.service,                0",
            "wedops.apm.labels.attribute-value,        -1",
            "wedops.apm.labels.attributes,             -1",
            "wedops.apm.series.max-per-service,        0",
            "wedops.apm.series.idle-after,             0s",
            "wedops.apm.idempotency.max-key-length,    300",
            "wedops.apm.idempotency.abandon-after,     1h",
    })
    void aWrongSettingStopsTheStartNamingIt(String property, String value) {
        boot.withPropertyValues(property + "=" + value).run(context -> assertThat(StartupFailure.of(context)).contains(property));
    }

    @Test
    void theDefaultsStart() {
        boot.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(DoorSettings.class).hasSingleBean(SeriesSettings.class).hasSingleBean(BatchIdSettings.class));
    }

    @EnableConfigurationProperties({DoorSettings.class, SeriesSettings.class, BatchIdSettings.class})
    static class Settings {
    }
}
