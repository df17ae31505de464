package org.wedops.health.restart;

import java.util.function.Consumer;

import org.wedops.events.HealthSource;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What restarts the containers or pods of one source (Docker restarts the container, Kubernetes deletes the pod so
 * its controller replaces it). Kept apart from what watches them: the restart rules need the restarters, the checks
 * need the rules, and the watchers need the checks, so a watcher that also restarted would close a cycle.
 *
 * @param blockingRestart the source's client call, which blocks: it runs on the bounded-elastic scheduler
 */
public record Restarter(HealthSource source, Consumer<String> blockingRestart) {

    public Mono<Void> restart(String targetId) {
        return Mono.<Void>fromRunnable(() -> blockingRestart.accept(targetId)).subscribeOn(Schedulers.boundedElastic());
    }
}
