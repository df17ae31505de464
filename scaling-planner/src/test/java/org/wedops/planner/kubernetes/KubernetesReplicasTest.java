package org.wedops.planner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

import org.junit.jupiter.api.Test;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.scaling.ScalingProperties.Replicas;
import org.wedops.planner.scaling.ScalingProperties.Mode;

/** Both ways of applying a decision, against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesReplicasTest {

    static KubernetesClient client;

    private static final Replicas REPLICAS = new Replicas(2, 100, 10, 35, 50, 20, 2.5, 600, 1);

    @Test
    void scaleModeSetsTheDeploymentsReplicasThroughItsScaleSubresource() {
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                .withNewMetadata().withName("checkout").withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(10).withNewSelector().addToMatchLabels("app", "checkout").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "checkout").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop/checkout:1").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        KubernetesReplicas replicas = new KubernetesReplicas(client, Mode.SCALE);
        ManagedService checkout = new ManagedService("checkout", "uk", "shop", null, REPLICAS);

        assertThat(replicas.current(checkout).block()).isEqualTo(10);
        replicas.apply(checkout, 35).block();

        assertThat(client.apps().deployments().inNamespace("shop").withName("checkout").get().getSpec().getReplicas()).isEqualTo(35);
        assertThat(replicas.current(checkout).block()).isEqualTo(35);
    }

    @Test
    void hpaModeRaisesTheAutoscalersFloorAndLeavesItsMetricsAlone() {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("crm").withNamespace("shop").endMetadata()
                .withNewSpec().withMinReplicas(10).withMaxReplicas(40)
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("crm").endScaleTargetRef()
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget().withType("Utilization")
                .withAverageUtilization(70).endTarget().endResource().endMetric()
                .endSpec().build()).create();
        KubernetesReplicas replicas = new KubernetesReplicas(client, Mode.HPA_MIN_REPLICAS);
        ManagedService crm = new ManagedService("crm", "uk", "shop", "crm", REPLICAS);

        replicas.apply(crm, 50).block();

        var hpa = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").withName("crm").get();
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(50);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(50);
        assertThat(hpa.getSpec().getMetrics()).hasSize(1);
        assertThat(replicas.current(crm).block()).isEqualTo(50);
    }
}
