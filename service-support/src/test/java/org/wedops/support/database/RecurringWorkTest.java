package org.wedops.support.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/** {@link RecurringWork#startEach} on virtual time: what is pulled, when, and what a failure stops (nothing). */
class RecurringWorkTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
    private final RecurringWork work = new RecurringWork(migrated());

    @AfterEach
    void stop() {
        work.destroy();
        VirtualTimeScheduler.reset();
    }

    @Test
    void aBusyWorkerPullsNoMoreItemsThanItHasSlotsAndTakesTheRestAsSlotsFreeUp() {
        AtomicInteger pulled = new AtomicInteger();
        Sinks.Empty<Void> slow = Sinks.empty();
        work.startEach("test", Duration.ofMillis(100), () -> Flux.range(0, 10).doOnNext(item -> pulled.incrementAndGet()),
                item -> slow.asMono(), 2);

        time.advanceTimeBy(Duration.ofSeconds(10)); // a hundred ticks while both slots are held
        assertThat(pulled).hasValue(2);

        slow.tryEmitEmpty();
        time.advanceTimeBy(Duration.ofMillis(100));
        assertThat(pulled.get()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aFailingListingOrItemStopsNothing() {
        AtomicInteger listings = new AtomicInteger();
        List<Integer> done = new CopyOnWriteArrayList<>();
        work.startEach("test", Duration.ofMillis(100), () -> listings.incrementAndGet() == 1
                        ? Flux.error(new IllegalStateException("listing failed"))
                        : Flux.just(listings.get() * 10, listings.get() * 10 + 1),
                item -> item % 2 == 0 ? Mono.error(new IllegalStateException("item failed")) : Mono.fromRunnable(() -> done.add(item)), 4);

        time.advanceTimeBy(Duration.ofMillis(350));

        assertThat(listings.get()).isGreaterThanOrEqualTo(3);
        assertThat(done).contains(21, 31);
    }

    private static DeferredMigration migrated() {
        DeferredMigration migration = mock(DeferredMigration.class);
        doAnswer(call -> {
            call.<Runnable>getArgument(0).run();
            return null;
        }).when(migration).whenMigrated(any());
        return migration;
    }
}
