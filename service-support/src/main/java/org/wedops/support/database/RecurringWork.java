package org.wedops.support.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * a run collapse into one more run. Everything started here stops with the application.
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

    @Override
    public void destroy() {
        running.forEach(Disposable::dispose);
    }
}
