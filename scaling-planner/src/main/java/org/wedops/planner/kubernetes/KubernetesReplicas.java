package org.wedops.planner.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;

import lombok.RequiredArgsConstructor;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.scaling.ScalingProperties.Mode;
import org.wedops.planner.scaling.ReplicaTarget;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies decisions with the fabric8 client (blocking, so on the bounded-elastic scheduler), in one of two modes:
 * SCALE sets the Deployment's replicas through its scale subresource; HPA_MIN_REPLICAS raises the minReplicas of
 * the HorizontalPodAutoscaler of the same name (and its maxReplicas if it would fall below), so metric autoscaling
 * goes on above the planner's floor.
 */
@RequiredArgsConstructor
class KubernetesReplicas implements ReplicaTarget {

    private final KubernetesClient client;
    private final Mode mode;

    @Override
    public Mono<Integer> current(ManagedService service) {
        return Mono.fromCallable(() -> mode == Mode.SCALE ? deploymentReplicas(service) : hpaFloor(service))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> apply(ManagedService service, int replicas) {
        return Mono.<Void>fromRunnable(() -> {
            if (mode == Mode.SCALE) {
                var deployment = client.apps().deployments().inNamespace(service.namespace()).withName(service.deploymentName());
                // read, then write the scale subresource: only spec.replicas changes, and nothing waits for pods
                Scale scale = deployment.scale();
                if (scale == null) {
                    throw new IllegalStateException("no Deployment " + service.namespace() + "/" + service.deploymentName());
                }
                deployment.scale(new ScaleBuilder(scale).editMetadata().withResourceVersion(null).endMetadata()
                        .editOrNewSpec().withReplicas(replicas).endSpec().build());
            } else {
                client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(service.namespace()).withName(service.deploymentName())
                        .edit(hpa -> {
                            hpa.getSpec().setMinReplicas(replicas);
                            if (hpa.getSpec().getMaxReplicas() == null || hpa.getSpec().getMaxReplicas() < replicas) {
                                hpa.getSpec().setMaxReplicas(replicas);
                            }
                            return hpa;
                        });
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public boolean applies() {
        return true;
    }

    private int deploymentReplicas(ManagedService service) {
        Deployment deployment = client.apps().deployments().inNamespace(service.namespace()).withName(service.deploymentName()).get();
        if (deployment == null) {
            throw new IllegalStateException("no Deployment " + service.namespace() + "/" + service.deploymentName());
        }
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private int hpaFloor(ManagedService service) {
        HorizontalPodAutoscaler hpa = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(service.namespace())
                .withName(service.deploymentName()).get();
        if (hpa == null) {
            throw new IllegalStateException("no HorizontalPodAutoscaler " + service.namespace() + "/" + service.deploymentName());
        }
        Integer min = hpa.getSpec().getMinReplicas();
        return min == null ? 1 : min;
    }
}
