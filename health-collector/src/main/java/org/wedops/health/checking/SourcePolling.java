package org.wedops.health.checking;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.wedops.support.database.DeferredMigration;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives a container or pod source: every tick it lists the source's targets and checks each one that is due, at a
 * fixed rate per target, with at most {@code concurrency} checks in flight across ticks. A slow check holds only its
 * own slot and its own target (never taken again while in flight), and a listing never waits for the previous
 * listing's checks to end — waiting for whole rounds is what made the Docker source fall behind.
 */
@Component
public class SourcePolling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SourcePolling.class);

    private final ContainerChecks checks;
    private final DeferredMigration migration;
    private final List<Disposable> running = new CopyOnWriteArrayList<>();

    SourcePolling(ContainerChecks checks, DeferredMigration migration) {
        this.checks = checks;
        this.migration = migration;
    }

    /**
     * @param listing the source's current targets (blocking clients must subscribe on a bounded elastic scheduler)
     * @param id      a target's id, the key of its schedule
     * @param region  a target's region, whose protection profile sets its pace
     */
    public <T> void start(String source, Duration interval, int concurrency, Supplier<Flux<T>> listing, Function<T, String> id,
                          Function<T, String> region, Function<T, Mono<Void>> check) {
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        migration.whenMigrated(() -> running.add(Flux.interval(Duration.ZERO, checks.tick(interval))
                .onBackpressureDrop()
                .concatMap(tick -> Flux.defer(listing)
                        .onErrorResume(e -> {
                            log.warn("Listing the {} targets failed, trying again next tick: {}", source, e.toString());
                            return Flux.empty();
                        })
                        .filter(target -> !inFlight.contains(id.apply(target)) && checks.due(id.apply(target), region.apply(target), interval))
                        .doOnNext(target -> inFlight.add(id.apply(target))), 1)
                .flatMap(target -> check.apply(target)
                        .onErrorResume(e -> {
                            log.warn("{} check of {} failed: {}", source, id.apply(target), e.toString());
                            return Mono.empty();
                        })
                        .doFinally(signal -> inFlight.remove(id.apply(target))), concurrency)
                .subscribe()));
    }

    @Override
    public void destroy() {
        running.forEach(Disposable::dispose);
    }
}
