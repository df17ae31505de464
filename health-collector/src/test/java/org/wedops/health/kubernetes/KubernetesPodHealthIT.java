package org.wedops.health.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wedops.events.Alert;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.HealthStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.testsupport.TestProtection;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;
import org.wedops.testsupport.kubernetes.MockClusterSettings;

/** The Kubernetes source against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false)
@WedopsIntegrationTest(properties = {"wedops.health.kubernetes.enabled=true", "wedops.health.kubernetes.interval=1s",
        "wedops.health.kubernetes.namespaces=wedding-apps", "wedops.health.confirmations=1", "wedops.health.tick=1h"})
class KubernetesPodHealthIT {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @Autowired
    ProtectionStates protection;

    @BeforeAll
    static void pointTheServiceAtTheMockCluster() {
        MockClusterSettings.pointAt(client.getConfiguration().getMasterUrl(), "wedding-apps");
    }

    @AfterAll
    static void clearProperties() {
        MockClusterSettings.clear();
    }

    @Test
    void podsAreClassifiedFromPhaseReadinessAndTerminationAndAFailedOneIsDeletedForItsController() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // a restart needs a region known to be open
        TestProtection.publish(TestProtection.open("uk-k8s", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> protection.protection("uk-k8s").known());
        create(pod("checkout-" + suffix, "Running", true, 0, null, false));
        create(pod("crm-" + suffix, "Running", false, 1, "Error", false));
        create(pod("ai-" + suffix, "Failed", false, 2, "OOMKilled", true));

        try (TopicProbe<SpecificRecord> health = TopicProbe.events(Topics.HEALTH);
             TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            ContainerHealthReported healthy = health.awaitEvent(ContainerHealthReported.class,
                    e -> e.getTargetId().equals("wedding-apps.checkout-" + suffix));
            assertThat(healthy.getStatus()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(healthy.getSource()).isEqualTo(HealthSource.KUBERNETES);
            assertThat(healthy.getService()).isEqualTo("checkout");
            assertThat(healthy.getDetails()).containsEntry("phase", "Running").containsEntry("namespace", "wedding-apps");

            ContainerHealthReported notReady = health.awaitEvent(ContainerHealthReported.class,
                    e -> e.getTargetId().equals("wedding-apps.crm-" + suffix));
            assertThat(notReady.getStatus()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(notReady.getReasons()).containsExactly("not ready: app");
            assertThat(notReady.getRestartCount()).isEqualTo(1);

            ContainerHealthReported failed = health.awaitEvent(ContainerHealthReported.class,
                    e -> e.getTargetId().equals("wedding-apps.ai-" + suffix));
            assertThat(failed.getStatus()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(failed.getReasons()).containsExactly("state Failed (exit code 137)");
            assertThat(failed.getDetails()).containsEntry("lastTermination", "OOMKilled");

            Alert restarted = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetRestarted")
                    && ("wedding-apps.ai-" + suffix).equals(a.getLabels().get("target")));
            assertThat(restarted.getSeverity()).isEqualTo(Severity.LOW);
            Alert notRestarted = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetCritical")
                    && ("wedding-apps.ai-" + suffix).equals(a.getLabels().get("target")));
            assertThat(notRestarted.getSeverity()).isEqualTo(Severity.CRITICAL);
        }
        await().untilAsserted(() -> assertThat(client.pods().inNamespace("wedding-apps").withName("ai-" + suffix).get()).isNull());
        assertThat(client.pods().inNamespace("wedding-apps").withName("crm-" + suffix).get()).isNotNull();
    }

    private static void create(Pod pod) {
        client.pods().inNamespace("wedding-apps").resource(pod).create();
    }

    private static Pod pod(String name, String phase, boolean ready, int restarts, String lastTermination, boolean autoRestart) {
        var status = new ContainerStatusBuilder().withName("app").withReady(ready).withRestartCount(restarts);
        if (lastTermination != null) {
            status.withNewLastState().withNewTerminated().withReason(lastTermination).withExitCode(137).endTerminated().endLastState();
        }
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("wedding-apps")
                .withLabels(Map.of("app", name, "wedops.service", name.substring(0, name.indexOf('-')), "wedops.region", "uk-k8s",
                        "wedops.auto-restart", Boolean.toString(autoRestart)))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("wedops/" + name + ":1").endContainer().endSpec()
                .withNewStatus().withPhase(phase).withContainerStatuses(status.build()).endStatus()
                .build();
    }
}
