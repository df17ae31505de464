package org.wedops.planner;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The managed service's Deployment on the mock API server. */
public final class TestDeployments {

    private TestDeployments() {
    }

    public static void reset(KubernetesClient kubernetes, int replicas) {
        String name = PlannerIntegrationTest.DEPLOYMENT;
        kubernetes.apps().deployments().inNamespace(PlannerIntegrationTest.NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(PlannerIntegrationTest.NAMESPACE).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("wedops/checkout:1").endContainer().endSpec().endTemplate()
                .endSpec().build()).createOr(existing -> existing.update());
    }

    public static int replicas(KubernetesClient kubernetes) {
        return kubernetes.apps().deployments().inNamespace(PlannerIntegrationTest.NAMESPACE).withName(PlannerIntegrationTest.DEPLOYMENT)
                .get().getSpec().getReplicas();
    }
}
