package org.wedops.health.targets;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface HealthTargetRepository extends ReactiveCrudRepository<HealthTarget, String> {
}
