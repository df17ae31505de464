package org.wedops.planner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wedops.deploychecks.MockCluster;
import org.wedops.deploychecks.Rendered;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.scaling.ScalingProperties.Replicas;
import org.wedops.planner.scaling.ScalingProperties.Mode;

/**
 * The rendered k8s/ base applied to the fabric8 mock API server, and the scaling-planner's own Kubernetes code
 * (the ReplicaTarget it applies decisions with) scaling the Deployments and HPAs defined there.
 */
@EnableKubernetesMockClient(crud = true)
class RenderedBaseScalingTest {

    static final Replicas DEFAULTS = new Replicas(2, 100, 10, 35, 50, 20, 2.5, 600, 1);

    KubernetesClient client;

    @BeforeEach
    void applyTheRenderedBase() {
        assertThat(MockCluster.apply(client, Rendered.of("base"))).isGreaterThan(50);
    }

    @Test
    void scaleModeSetsTheRenderedDeploymentsReplicasThroughItsScaleSubresourceAndNothingElse() {
        ManagedService apm = new ManagedService("apm-ingest", "uk", "wedops", "apm-ingest", DEFAULTS);
        KubernetesReplicas planner = new KubernetesReplicas(client, Mode.SCALE);
        Deployment before = deployment("apm-ingest");

        assertThat(planner.current(apm).block()).isEqualTo(before.getSpec().getReplicas()).isEqualTo(2);
        planner.apply(apm, 35).block();

        Deployment after = deployment("apm-ingest");
        assertThat(after.getSpec().getReplicas()).isEqualTo(35);
        assertThat(planner.current(apm).block()).isEqualTo(35);
        assertThat(after.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(deployment("gateway").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void hpaModeRaisesTheRenderedHpasFloorAndItsCeilingWhenTheFloorPassesIt() {
        ManagedService gateway = new ManagedService("gateway", "uk", "wedops", null, DEFAULTS);
        KubernetesReplicas planner = new KubernetesReplicas(client, Mode.HPA_MIN_REPLICAS);

        assertThat(planner.current(gateway).block()).isEqualTo(2);
        planner.apply(gateway, 5).block();
        assertThat(hpa("gateway").getSpec().getMinReplicas()).isEqualTo(5);
        assertThat(hpa("gateway").getSpec().getMaxReplicas()).isEqualTo(10);

        planner.apply(gateway, 50).block();
        assertThat(hpa("gateway").getSpec().getMinReplicas()).isEqualTo(50);
        assertThat(hpa("gateway").getSpec().getMaxReplicas()).isEqualTo(50);
        assertThat(hpa("gateway").getSpec().getMetrics()).isNotEmpty();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace("wedops").withName(name).get();
    }

    private HorizontalPodAutoscaler hpa(String name) {
        return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("wedops").withName(name).get();
    }
}
