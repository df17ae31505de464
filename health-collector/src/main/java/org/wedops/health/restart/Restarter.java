package org.wedops.health.restart;

import org.wedops.events.HealthSource;

import reactor.core.publisher.Mono;

/** A source that can restart what it watches: Docker restarts the container, Kubernetes deletes the pod. */
public interface Restarter {

    HealthSource source();

    Mono<Void> restart(String targetId);
}
