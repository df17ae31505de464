package org.wedops.planner.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every managed service with its replicas now (-1 when they cannot be read) and what the planner would want of it,
 * before stabilisation and manual overrides; a service whose region has no protection yet is left out.
 */
@Component
@RequiredArgsConstructor
class ServiceReplicas {

    record ServiceView(String service, String region, int currentReplicas, int desiredReplicas, int protectedFloor, String reason,
                       Map<String, String> inputs) {
    }

    private final ScalingLoop loop;
    private final ReplicaTarget target;
    private final ScalingProperties properties;
    private final Clock clock;

    Flux<ServiceView> now() {
        Instant now = clock.instant();
        return Flux.fromIterable(properties.services())
                .concatMap(service -> Mono.zip(target.current(service).onErrorReturn(-1), loop.recommend(service, now))
                        .map(both -> new ServiceView(service.name(), service.region(), both.getT1(), both.getT2().desired(),
                                both.getT2().floor(), both.getT2().reason(), both.getT2().inputs())));
    }
}
