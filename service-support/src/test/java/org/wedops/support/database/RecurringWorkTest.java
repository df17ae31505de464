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
                String::valueOf, item -> slow.asMono(), item -> { }, 2);

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
        List<Integer> released = new CopyOnWriteArrayList<>();
        work.startEach("test", Duration.ofMillis(100), () -> listings.incrementAndGet() == 1
                        ? Flux.error(new IllegalStateException("listing failed"))
                        : Flux.just(listings.get() * 10, listings.get() * 10 + 1),
                String::valueOf,
                item -> item % 2 == 0 ? Mono.error(new IllegalStateException("item failed")) : Mono.fromRunnable(() -> done.add(item)),
                released::add, 4);

        time.advanceTimeBy(Duration.ofMillis(350));

        assertThat(listings.get()).isGreaterThanOrEqualTo(3);
        assertThat(done).contains(21, 31);
        assertThat(released).contains(20, 21, 30, 31);
    }

    @Test
    void everyItemIsReleasedWhenItsRunEndsHoweverItEnds() {
        List<Integer> released = new CopyOnWriteArrayList<>();
        work.startEach("test", Duration.ofMillis(100), () -> Flux.just(1, 2, 3), String::valueOf, item -> switch (item) {
            case 1 -> Mono.empty();
            case 2 -> Mono.error(new IllegalStateException("item failed"));
            default -> throw new IllegalStateException("run threw before it returned a Mono");
        }, released::add, 4);

        time.advanceTimeBy(Duration.ofMillis(50));

        assertThat(released).containsExactlyInAnyOrder(1, 2, 3);
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
