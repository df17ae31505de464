package org.wedops.health.checking;

import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the checks a recurring run hands over, at most {@code concurrency} at once across runs. The run only hands
 * targets over and ends, so it never waits for a slow check (waiting for whole rounds is what made the Docker source
 * fall behind), and a slow check holds only its own slot. A failed check is logged; {@code done} is told when each
 * check ends, however it ends, so its target can be taken again.
 */
final class CheckQueue<T> implements Disposable {

    private static final Logger log = LoggerFactory.getLogger(CheckQueue.class);

    private final String source;
    private final Function<T, String> id;
    private final Consumer<T> done;
    private final Sinks.Many<T> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable running;

    CheckQueue(String source, int concurrency, Function<T, String> id, Function<T, Mono<Void>> check, Consumer<T> done) {
        this.source = source;
        this.id = id;
        this.done = done;
        this.running = queue.asFlux()
                .flatMap(target -> Mono.defer(() -> check.apply(target))
                        .onErrorResume(e -> {
                            log.warn("{} check of {} failed: {}", source, id.apply(target), e.toString());
                            return Mono.empty();
                        })
                        .doFinally(signal -> done.accept(target)), concurrency)
                .subscribe();
    }

    /** Hands a target over; the caller has marked it in flight, so one target is never queued twice. */
    void offer(T target) {
        Sinks.EmitResult result = queue.tryEmitNext(target);
        if (result.isFailure()) {
            if (result != Sinks.EmitResult.FAIL_TERMINATED && result != Sinks.EmitResult.FAIL_CANCELLED) {
                log.warn("{} check of {} not queued ({}); it is taken again when next due", source, id.apply(target), result);
            }
            done.accept(target);
        }
    }

    @Override
    public void dispose() {
        queue.tryEmitComplete();
        running.dispose();
    }

    @Override
    public boolean isDisposed() {
        return running.isDisposed();
    }
}
