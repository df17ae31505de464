package org.wedops.planner.protection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.planner.lease.PlannerLease;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps ops.protection.v1 current. It recomputes and publishes what changed:
 * <ul>
 *   <li>right after a calendar, factor, region or emergency change made by this instance (whichever instance holds
 *       the lease), told by a {@link ProtectionInputsChanged} event, so the change is on the topic within a second;</li>
 *   <li>when the clock reaches the next boundary of any region's timeline: the injected clock is compared with that
 *       boundary every tick (1 s), so a moved test clock is noticed as a real one is, and the boundary is re-armed
 *       by every recomputation;</li>
 *   <li>every region, changed or not, when this instance takes the lease (start-up or fail-over), and a full
 *       recomputation every resync period for edits another instance made.</li>
 * </ul>
 * Only the lease holder acts on boundaries, resyncs and start-up; runs never overlap.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProtectionLoop {

    private final ProtectionStatePublisher publisher;
    private final PlannerLease lease;
    private final RecurringWork work;
    private final Clock clock;
    private final ProtectionProperties properties;
    private final AtomicBoolean changePending = new AtomicBoolean();
    private final AtomicBoolean everyRegionPending = new AtomicBoolean();
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Instant nextBoundary;
    private volatile Instant lastRun;
    private volatile long nextResyncNanos = System.nanoTime();

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        lease.leadership().filter(Boolean::booleanValue).subscribe(taken -> {
            everyRegionPending.set(true);
            wakeUps.tryEmitNext(true);
        });
        work.start("protection", properties.tick(), wakeUps.asFlux(), this::runIfDue);
    }

    /** Something protection depends on changed (calendar, factors, regions, emergencies): republish what it changed. */
    @EventListener
    void changed(ProtectionInputsChanged change) {
        changePending.set(true);
        wakeUps.tryEmitNext(true);
    }

    private Mono<?> runIfDue() {
        Instant now = clock.instant();
        boolean everyRegion = everyRegionPending.getAndSet(false);
        boolean change = changePending.getAndSet(false);
        boolean leader = lease.isHeld();
        boolean boundary = nextBoundary == null || !now.isBefore(nextBoundary) || (lastRun != null && now.isBefore(lastRun));
        boolean resync = System.nanoTime() - nextResyncNanos >= 0;
        if (!(change || (leader && (everyRegion || boundary || resync)))) {
            return Mono.empty();
        }
        return publisher.publishChanges(everyRegion && leader)
                .doOnSuccess(next -> {
                    nextBoundary = next != null ? next : now.plus(properties.horizon());
                    lastRun = now;
                    nextResyncNanos = System.nanoTime() + properties.resync().toNanos();
                })
                .doOnError(e -> {
                    // tried again on the next tick
                    changePending.compareAndSet(false, change);
                    everyRegionPending.compareAndSet(false, everyRegion);
                });
    }
}
