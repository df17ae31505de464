package org.wedops.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.wedops.alert.delivery.DispatchProperties;
import org.wedops.alert.escalation.EscalationProperties;
import org.wedops.alert.integration.IntegrationProperties;
import org.wedops.alert.routing.RegionZones;
import org.wedops.alert.routing.RoutingProperties;

/**
 * Every feature's settings are bound and checked when the service starts: a bad value stops it with the property's
 * name, instead of failing at the first tick of the work it configures.
 */
class AlertRouterSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RoutingProperties.class, RegionZones.class, IntegrationProperties.class, DispatchProperties.class,
            EscalationProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            wedops.alert.dispatch.interval           | 0s
            wedops.alert.dispatch.batch-size         | 0
            wedops.alert.dispatch.max-attempts       | 0
            wedops.alert.dispatch.claim-timeout      | -1s
            wedops.alert.dispatch.flush-concurrency  | 0
            wedops.alert.escalation.interval         | 0ms
            wedops.alert.routing.reload-check        | 1ms
            wedops.alert.guard.timeout               | 0s
            wedops.alert.guard.retries               | -1
            wedops.alert.guard.failure-rate          | 0
            wedops.alert.guard.failure-rate          | 101
            wedops.alert.guard.minimum-calls         | 0
            wedops.alert.email.from                  | not-an-address
            """)
    void aBadSettingStopsTheServiceNamingTheProperty(String property, String value) {
        service.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            String prefix = property.substring(0, property.lastIndexOf('.'));
            String name = property.substring(property.lastIndexOf('.') + 1);
            assertThat(messages(context.getStartupFailure())).containsAnyOf(property, prefix + "." + camel(name));
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            wedops.alert.region-zones.uk            | Europe/Londres
            wedops.alert.slack.webhook-url          | hooks.slack.com/services/T0/B0/secret
            """)
    void aValueThatCannotBeReadStopsTheService(String property, String value) {
        service.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(property);
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aWebhookUrlThatCannotBeReadStopsTheStartWithAReportThatNamesThePropertyButNotTheValue(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--wedops.alert.slack.webhook-url=hooks.slack.com/services/T0/B0/s3cr3t-t0ken"))
                .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(BindException.class));

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The setting wedops.alert.slack.webhook-url must be an absolute http or https URL. Its value is not shown")
                .doesNotContain("s3cr3t-t0ken");
    }

    @Test
    void withNothingSetTheDefaultsHold() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            DispatchProperties dispatch = context.getBean(DispatchProperties.class);
            assertThat(dispatch.interval()).isEqualTo(Duration.ofMillis(500));
            assertThat(dispatch.flushConcurrency()).isEqualTo(4);
            assertThat(context.getBean(RoutingProperties.class).reloadCheck()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getBean(EscalationProperties.class).interval()).isEqualTo(Duration.ofSeconds(1));
            IntegrationProperties integrations = context.getBean(IntegrationProperties.class);
            assertThat(integrations.slack().webhookUrl()).isNull();
            assertThat(integrations.guard().timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(integrations.email().from()).isEqualTo("wedops-alerts@wedops.local");
            assertThat(context.getBean(RegionZones.class).zoneOf("uk", Optional.empty())).isEqualTo(ZoneId.of("UTC").normalized());
        });
    }

    @Test
    void aRegionsZoneIsTheConfiguredOneUntilThePlannerPublishesOne() {
        service.withPropertyValues("wedops.alert.region-zones.uk=Europe/London").run(context -> {
            RegionZones zones = context.getBean(RegionZones.class);
            assertThat(zones.zoneOf("uk", Optional.empty())).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(zones.zoneOf("uk", Optional.of("Asia/Kolkata"))).isEqualTo(ZoneId.of("Asia/Kolkata"));
            assertThat(zones.zoneOf(null, Optional.empty())).isEqualTo(ZoneId.of("UTC").normalized());
        });
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
