package org.wedops.planner.kubernetes;

import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.scaling.ReplicaTarget;

import reactor.core.publisher.Mono;

/**
 * Dry-run mode (the default, and the local stack's): nothing is applied. A service's replicas are taken to be the
 * last ones decided for it, or its NORMAL replicas before any decision, so decisions read as they would in a
 * cluster.
 */
@RequiredArgsConstructor
class DryRunReplicas implements ReplicaTarget {

    private final DatabaseClient db;

    @Override
    public Mono<Integer> current(ManagedService service) {
        return db.sql("select to_replicas from scaling_decision where service = :service order by decided_at desc, id limit 1")
                .bind("service", service.name())
                .map((row, meta) -> row.get(0, Integer.class)).one()
                .defaultIfEmpty(service.replicas().normal());
    }

    @Override
    public Mono<Void> apply(ManagedService service, int replicas) {
        return Mono.empty();
    }

    @Override
    public boolean applies() {
        return false;
    }
}
