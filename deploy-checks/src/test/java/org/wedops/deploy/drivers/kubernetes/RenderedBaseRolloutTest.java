package org.wedops.deploy.drivers.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.wedops.deploy.drivers.DeployableServices.DriverKind;
import org.wedops.deploy.drivers.DeployableServices.Kubernetes;
import org.wedops.deploy.drivers.DeployableServices.ServiceSettings;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploychecks.MockCluster;
import org.wedops.deploychecks.Rendered;

/**
 * The rendered k8s/ base applied to the fabric8 mock API server, and the orchestrator's own Kubernetes driver rolling
 * out a new version of a Deployment defined there; the test plays the Deployment controller.
 */
@EnableKubernetesMockClient(crud = true)
class RenderedBaseRolloutTest {

    KubernetesClient client;

    @BeforeEach
    void applyTheRenderedBase() {
        MockCluster.apply(client, Rendered.of("base"));
    }

    @Test
    void theOrchestratorRollsOutTheRenderedGatewayAndFollowsItUntilEveryReplicaIsUpdated() throws Exception {
        KubernetesDriver driver = new KubernetesDriver(new StaticListableBeanFactory(Map.of("client", client)).getBeanProvider(KubernetesClient.class));
        DeployTarget target = new DeployTarget(UUID.randomUUID(), "deploy-checks", "gateway", "prod", "uk", new ServiceSettings(DriverKind.KUBERNETES, Duration.ZERO,
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(10), null,
                new Kubernetes("wedops", "gateway", "app", "wedops/gateway", null, Duration.ofMillis(50)), null));

        assertThat(driver.currentVersion(target)).isEqualTo("0.1.0-SNAPSHOT");
        CompletableFuture<String> rollout = CompletableFuture.supplyAsync(() -> driver.rollout(target, "0.2.0"));
        await().until(() -> "wedops/gateway:0.2.0".equals(gateway().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
        assertThat(rollout).isNotDone();

        client.apps().deployments().inNamespace("wedops").withName("gateway").editStatus(d -> {
            long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
            int replicas = d.getSpec().getReplicas();
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                    .withUpdatedReplicas(replicas).withAvailableReplicas(replicas).withReadyReplicas(replicas).build());
            return d;
        });

        assertThat(rollout.get(30, TimeUnit.SECONDS)).startsWith("rollout of wedops/gateway:0.2.0 complete: 2 replica(s)");
        assertThat(driver.currentVersion(target)).isEqualTo("0.2.0");
        // only the image changed: probes, security context and the rest of the template are the rendered ones
        Deployment after = gateway();
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(after.getSpec().getTemplate().getSpec().getPriorityClassName()).isEqualTo("wedops-critical");
    }

    private Deployment gateway() {
        return client.apps().deployments().inNamespace("wedops").withName("gateway").get();
    }
}
