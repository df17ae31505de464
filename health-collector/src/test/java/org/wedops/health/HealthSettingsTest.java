package org.wedops.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.checking.CheckingProperties;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.docker.DockerProperties;
import org.wedops.health.history.HistoryProperties;
import org.wedops.health.kubernetes.KubernetesProperties;
import org.wedops.health.restart.RestartProperties;
import org.wedops.health.targets.TargetProperties;
import org.wedops.testsupport.StartupFailure;

/**
 * The settings records each feature owns: every property keeps the name it had in the one record they were split
 * from (users' files, compose, k8s and the launcher set them), defaults are unchanged, and a bad value stops the
 * service at start-up naming the property, instead of failing at the first tick.
 */
class HealthSettingsTest {

    @EnableConfigurationProperties({CheckingProperties.class, ThresholdProperties.class, HistoryProperties.class, TargetProperties.class,
            RestartProperties.class, DockerProperties.class, KubernetesProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void everyPropertyKeepsItsName() {
        service.withPropertyValues(
                "wedops.health.tick=1s", "wedops.health.concurrency=7", "wedops.health.confirmations=3",
                "wedops.health.retention=7d",
                "wedops.health.restarts.budget=5", "wedops.health.restarts.budget-period=2h",
                "wedops.health.thresholds.wedding-day.slow-response=300ms", "wedops.health.thresholds.wedding-day.interval-factor=0.25",
                "wedops.health.thresholds.wedding-day.memory-percent=70", "wedops.health.thresholds.wedding-day.cpu-percent=75",
                "wedops.health.thresholds.wedding-day.restarts-in-window=1", "wedops.health.thresholds.wedding-day.restart-window=5m",
                "wedops.health.targets[0].id=crm-api", "wedops.health.targets[0].url=https://crm.example.com/health",
                "wedops.health.targets[0].service=crm", "wedops.health.targets[0].region=uk",
                "wedops.health.targets[0].interval-seconds=5", "wedops.health.targets[0].timeout-ms=1000",
                "wedops.health.docker.enabled=true", "wedops.health.docker.host=unix:///run/docker.sock",
                "wedops.health.docker.labels.team=ops", "wedops.health.docker.interval=20s", "wedops.health.docker.concurrency=9",
                "wedops.health.docker.stats-every=2",
                "wedops.health.kubernetes.enabled=true", "wedops.health.kubernetes.namespaces=venues,vendors",
                "wedops.health.kubernetes.labels.app=crm", "wedops.health.kubernetes.interval=30s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CheckingProperties.class)).isEqualTo(new CheckingProperties(Duration.ofSeconds(1), 7, 3));
                    assertThat(context.getBean(HistoryProperties.class).retention()).isEqualTo(Duration.ofDays(7));
                    assertThat(context.getBean(RestartProperties.class)).isEqualTo(new RestartProperties(5, Duration.ofHours(2)));
                    assertThat(context.getBean(ThresholdProperties.class).forProfile(ThresholdProfile.WEDDING_DAY)).isEqualTo(
                            new HealthThresholds(Duration.ofMillis(300), 0.25, 70, 75, 1, Duration.ofMinutes(5)));
                    assertThat(context.getBean(TargetProperties.class).targets()).singleElement().satisfies(target -> {
                        assertThat(target.id()).isEqualTo("crm-api");
                        assertThat(URI.create(target.url()).getHost()).isEqualTo("crm.example.com");
                        assertThat(target.intervalSeconds()).isEqualTo(5);
                        assertThat(target.timeoutMs()).isEqualTo(1000);
                    });
                    assertThat(context.getBean(DockerProperties.class)).isEqualTo(new DockerProperties(true, "unix:///run/docker.sock",
                            Map.of("team", "ops"), Duration.ofSeconds(20), 9, 2, null, null));
                    assertThat(context.getBean(KubernetesProperties.class)).isEqualTo(new KubernetesProperties(true,
                            List.of("venues", "vendors"), Map.of("app", "crm"), Duration.ofSeconds(30)));
                });
    }

    @Test
    void leftOutPropertiesKeepTheirDefaults() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CheckingProperties.class)).isEqualTo(new CheckingProperties(Duration.ofMillis(250), 64, 2));
            assertThat(context.getBean(HistoryProperties.class).retention()).isEqualTo(Duration.ofDays(30));
            assertThat(context.getBean(RestartProperties.class)).isEqualTo(new RestartProperties(3, Duration.ofHours(1)));
            assertThat(context.getBean(ThresholdProperties.class).forProfile(ThresholdProfile.WEDDING_DAY).intervalFactor()).isEqualTo(0.5);
            assertThat(context.getBean(TargetProperties.class).targets()).isEmpty();
            DockerProperties docker = context.getBean(DockerProperties.class);
            assertThat(docker.enabled()).isFalse();
            assertThat(List.of(docker.interval(), docker.concurrency(), docker.statsEvery())).containsExactly(Duration.ofSeconds(15), 48, 4);
            assertThat(context.getBean(KubernetesProperties.class)).isEqualTo(new KubernetesProperties(false, List.of("default"), null,
                    Duration.ofSeconds(15)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wedops.health.concurrency=0                                | wedops.health.concurrency",
            "wedops.health.confirmations=0                              | wedops.health.confirmations",
            "wedops.health.tick=soon                                    | wedops.health.tick",
            "wedops.health.retention=forever                            | wedops.health.retention",
            "wedops.health.restarts.budget=0                            | wedops.health.restarts.budget",
            "wedops.health.docker.concurrency=0                         | wedops.health.docker.concurrency",
            "wedops.health.docker.tls-verify=true                       | wedops.health.docker.cert-path",
            "wedops.health.kubernetes.namespaces=                       | wedops.health.kubernetes.namespaces",
            "wedops.health.thresholds.wedding-day.slow-response=300ms   | wedops.health.thresholds.wedding-day.interval-factor",
            "wedops.health.targets[0].id=Not An Id                      | wedops.health.targets[0].id",
    })
    void aBadSettingStopsTheServiceNamingTheProperty(String setting, String property) {
        service.withPropertyValues(setting, "wedops.health.docker.cert-path=" + Path.of("no-such-folder").toAbsolutePath())
                .run(context -> assertThat(StartupFailure.of(context)).contains(property));
    }

    @Test
    void aConfiguredTargetIsHeldToTheRulesOfARegistration() {
        service.withPropertyValues("wedops.health.targets[0].id=crm-api", "wedops.health.targets[0].url=https://crm.example.com/health",
                        "wedops.health.targets[0].service=crm", "wedops.health.targets[0].region=uk",
                        "wedops.health.targets[0].interval-seconds=1", "wedops.health.targets[0].timeout-ms=1000")
                .run(context -> assertThat(StartupFailure.of(context)).contains("wedops.health.targets[0].timeout-ms: must be shorter than the interval"));
    }
}
