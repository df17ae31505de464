package org.wedops.planner.scaling;

import org.wedops.planner.scaling.ScalingProperties.ManagedService;

import reactor.core.publisher.Mono;

/** Where a managed service's replicas live: a Kubernetes cluster, or nowhere in dry-run mode. */
public interface ReplicaTarget {

    /** The replicas (or the floor, in HPA mode) the service has now. */
    Mono<Integer> current(ManagedService service);

    /** Sets them; completes when the cluster accepted the change. */
    Mono<Void> apply(ManagedService service, int replicas);

    /** False in dry-run mode: decisions are recorded and published, never applied. */
    boolean applies();
}
