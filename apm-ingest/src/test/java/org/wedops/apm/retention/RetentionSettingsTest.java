package org.wedops.apm.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A retention of zero would delete what was just stored: it stops the start naming the property. */
class RetentionSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"wedops.apm.retention.windows", "wedops.apm.retention.error-groups",
            "wedops.apm.retention.model-observations", "wedops.apm.retention.every"})
    void aRetentionOfZeroStopsTheStartNamingIt(String property) {
        new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(property + "=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(property);
        });
    }

    @EnableConfigurationProperties(RetentionProperties.class)
    static class Settings {
    }
}
