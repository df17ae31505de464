package org.wedops.apm.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wedops.testsupport.StartupFailure;

/** A setting that would make drift or accuracy alerts meaningless stops the start naming the property. */
class ModelMonitoringPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsBind() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ModelMonitoringProperties settings = context.getBean(ModelMonitoringProperties.class);
            assertThat(settings.psiWarn()).isLessThan(settings.psiAlert());
            assertThat(settings.reference()).isEqualTo(ReferenceWindow.SAME_WEEKDAY);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            window=0s                 | window
            window=-1h                | window
            evaluate-every=0s         | evaluate-every
            psi-warn=0                | psi-warn
            psi-warn=0.5              | psi-alert
            psi-alert=0.05            | psi-alert
            min-accuracy=1.5          | min-accuracy
            max-segment-gap=-0.1      | max-segment-gap
            min-observations=0        | min-observations
            min-segment-observations=0 | min-segment-observations
            max-scores-read=10        | max-scores-read
            """)
    void aMeaninglessSettingStopsTheStartNamingIt(String setting, String named) {
        runner.withPropertyValues("wedops.apm.models." + setting)
                .run(context -> assertThat(StartupFailure.of(context)).contains("wedops.apm.models." + named));
    }

    @EnableConfigurationProperties(ModelMonitoringProperties.class)
    static class Settings {
    }
}
