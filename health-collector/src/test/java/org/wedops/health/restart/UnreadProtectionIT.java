package org.wedops.health.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.wedops.events.Alert;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.protection.RegionProtection;
import org.wedops.testsupport.TestProtection;
import org.wedops.testsupport.TestTokens;
import org.wedops.testsupport.TopicProbe;
import org.wedops.testsupport.WedopsIntegrationTest;
import org.wedops.testsupport.kubernetes.MockClusterSettings;

/**
 * A collector that has not read ops.protection.v1 must not take "no state" for "not protected": with its protection
 * view stopped (as before it has read the topic after a start) during a wedding, it refuses to restart a failed pod and
 * says why; once the view has read the topic again, it knows the region is in a wedding.
 */
@EnableKubernetesMockClient(crud = true, https = false)
@WedopsIntegrationTest(properties = {"wedops.health.kubernetes.enabled=true", "wedops.health.kubernetes.interval=1s",
        "wedops.health.kubernetes.namespaces=venues", "wedops.health.confirmations=1", "wedops.health.tick=1h"})
class UnreadProtectionIT {

    static KubernetesClient client;

    @Autowired
    ProtectionStates protection;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DatabaseClient db;

    @Autowired
    WebTestClient web;

    @Value(ProtectionStates.LISTENER_ID)
    String viewId;

    @BeforeAll
    static void pointTheServiceAtTheMockCluster() {
        MockClusterSettings.pointAt(client.getConfiguration().getMasterUrl(), "venues");
    }

    @AfterAll
    static void clearProperties() {
        MockClusterSettings.clear();
    }

    @Test
    void aCollectorWhoseProtectionViewHasNotReadTheTopicDoesNotRestartDuringAWedding() {
        listeners.getListenerContainer(viewId).stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !protection.caughtUp());
        // a collector that cannot judge a region does not say it is ready
        readiness().expectStatus().isEqualTo(503).expectBody().jsonPath("$.components.protectionView.status").isEqualTo("OUT_OF_SERVICE");
        String region = "wedding-" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        TestProtection.publish(TestProtection.wedding(region, now, now.plus(Duration.ofHours(6)), "wedding w-7 in progress"));
        String pod = "photos-" + UUID.randomUUID().toString().substring(0, 6);

        try (TopicProbe<SpecificRecord> alerts = TopicProbe.events(Topics.ALERTS)) {
            client.pods().inNamespace("venues").resource(failedPod(pod, region)).create();

            Alert refused = alerts.awaitEvent(Alert.class, a -> a.getName().equals("TargetNotRestarted")
                    && ("venues." + pod).equals(a.getLabels().get("target")));
            assertThat(refused.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(refused.getSummary()).contains("was not restarted")
                    .contains("protection of region " + region + " unknown").contains("has not yet read ops.protection.v1");
        }
        assertThat(client.pods().inNamespace("venues").withName(pod).get()).isNotNull();
        Map<String, Object> decision = db.sql("select restart, outcome, reason from restart_decision where target_id = :t")
                .bind("t", "venues." + pod).fetch().first().block(Duration.ofSeconds(5));
        assertThat(decision).containsEntry("restart", false).containsEntry("outcome", "REFUSED");

        listeners.getListenerContainer(viewId).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> protection.caughtUp());
        readiness().expectBody().jsonPath("$.components.protectionView.status").isEqualTo("UP");
        RegionProtection known = protection.protection(region);
        assertThat(known.knowledge()).isEqualTo(RegionProtection.Knowledge.KNOWN);
        assertThat(known.forbidsAutomaticActions(Instant.now())).isTrue();
        assertThat(known.reason(Instant.now())).contains("wedding w-7 in progress");
        assertThat(client.pods().inNamespace("venues").withName(pod).get()).isNotNull();
    }

    private WebTestClient.ResponseSpec readiness() {
        return web.get().uri("/actuator/health/readiness").headers(h -> h.setBearerAuth(TestTokens.withRoles("VIEWER"))).exchange();
    }

    private static Pod failedPod(String name, String region) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("venues")
                .withLabels(Map.of("app", name, "wedops.service", "photos", "wedops.region", region, "wedops.auto-restart", "true"))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("wedops/photos:1").endContainer().endSpec()
                .withNewStatus().withPhase("Failed").addNewContainerStatus().withName("app").withReady(false).withRestartCount(2)
                .endContainerStatus().endStatus()
                .build();
    }
}
