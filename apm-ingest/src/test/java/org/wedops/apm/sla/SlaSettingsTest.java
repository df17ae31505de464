package org.wedops.apm.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A wrong SLA setting stops the start naming the property (and the rule), instead of failing at the first evaluation. */
class SlaSettingsTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner().withUserConfiguration(Settings.class)
            .withPropertyValues("wedops.apm.sla.rules[0].name=ErrorRateCritical", "wedops.apm.sla.rules[0].budget=0.05",
                    "wedops.apm.sla.rules[0].burn-rate=1", "wedops.apm.sla.rules[0].short-window=5m",
                    "wedops.apm.sla.rules[0].long-window=30m", "wedops.apm.sla.rules[0].severity=CRITICAL");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "wedops.apm.sla.evaluate-every,             0s,   wedops.apm.sla.evaluate-every",
            "wedops.apm.sla.wedding-day-burn-factor,    0,    wedops.apm.sla.wedding-day-burn-factor",
            "wedops.apm.sla.wedding-day-burn-factor,    2,    wedops.apm.sla.wedding-day-burn-factor",
            "wedops.apm.sla.rules[0].budget,            5,    wedops.apm.sla.rules[ErrorRateCritical].budget",
            "wedops.apm.sla.rules[0].burn-rate,         0,    wedops.apm.sla.rules[ErrorRateCritical].burn-rate",
            "wedops.apm.sla.rules[0].long-window,       1m,   wedops.apm.sla.rules[ErrorRateCritical].long-window",
            "wedops.apm.sla.rules[0].slower-than-ms,    -5,   wedops.apm.sla.rules[ErrorRateCritical].slower-than-ms",
            "wedops.apm.sla.rules[0].name,              ' ',  wedops.apm.sla.rules[].name",
    })
    void aWrongSettingStopsTheStartNamingIt(String property, String value, String named) {
        boot.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(named);
        });
    }

    @Test
    void aRuleWithoutSeverityStopsTheStart() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("wedops.apm.sla.rules[0].name=NoSeverity", "wedops.apm.sla.rules[0].budget=0.05",
                        "wedops.apm.sla.rules[0].burn-rate=1", "wedops.apm.sla.rules[0].short-window=5m", "wedops.apm.sla.rules[0].long-window=30m")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wedops.apm.sla.rules[NoSeverity].severity"));
    }

    @Test
    void aGoodRuleStarts() {
        boot.run(context -> assertThat(context).hasNotFailed().getBean(SlaProperties.class)
                .satisfies(sla -> assertThat(sla.rules()).extracting(SlaRule::name).containsExactly("ErrorRateCritical")));
    }

    @EnableConfigurationProperties(SlaProperties.class)
    static class Settings {
    }
}
