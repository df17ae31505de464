package org.wedops.support.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work that repeats: every interval and whenever something wakes it, one run at a time, starting once
 * the database schema is migrated. A failed run is logged and the next one goes ahead; wake-ups that arrive during
 * a run collapse into one more run. Work that a tick only finds and whose items run apart ({@link #startEach}) pulls
 * them as slots free up. Everything started here stops with the application.
 */
@RequiredArgsConstructor
public class RecurringWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecurringWork.class);

    private final DeferredMigration migration;
    private final List<Disposable> running = new CopyOnWriteArrayList<>();

    public void start(String name, Duration interval, Supplier<Mono<?>> run) {
        start(name, interval, Flux.never(), run);
    }

    public void start(String name, Duration interval, Flux<?> wakeUps, Supplier<Mono<?>> run) {
        migration.whenMigrated(() -> running.add(Flux.merge(Flux.interval(Duration.ZERO, interval), wakeUps)
                .onBackpressureLatest()
                .concatMap(signal -> Mono.defer(run).onErrorResume(e -> {
                    log.warn("{} failed, the next run goes ahead: {}", name, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe()));
    }

    /**
     * Work a tick only finds: every interval {@code due} lists what is due, and each item runs as {@code run}, at most
     * {@code concurrency} at once across ticks. Items are pulled as slots free up, so {@code due} hands an item over (and
     * may set its next due time) only when it can start; a tick that comes while the last tick's items still wait is
     * dropped. A listing that fails is logged and the next tick goes ahead; an item's run that fails is logged with its
     * {@code id} and the others go ahead. {@code done} is told when each item's run ends, however it ends, so that
     * whatever {@code due} marked in flight can be taken again.
     */
    public <T> void startEach(String name, Duration interval, Supplier<Flux<T>> due, Function<T, String> id, Function<T, Mono<?>> run,
                              Consumer<T> done, int concurrency) {
        migration.whenMigrated(() -> running.add(Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.defer(due).onErrorResume(e -> {
                    log.warn("{}: finding what is due failed, the next tick goes ahead: {}", name, e.toString());
                    return Flux.empty();
                }), 1)
                .flatMap(item -> Mono.defer(() -> run.apply(item))
                        .onErrorResume(e -> {
                            log.warn("{} of {} failed, the others go ahead: {}", name, id.apply(item), e.toString());
                            return Mono.empty();
                        })
                        .doFinally(signal -> done.accept(item)), concurrency)
                .subscribe()));
    }

    @Override
    public void destroy() {
        running.forEach(Disposable::dispose);
    }
}
