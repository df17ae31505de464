package org.wedops.health.checking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.targets.FixedRate;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives a container or pod source: every tick it lists the source's targets and hands each one that is due to the
 * source's {@link CheckQueue}, at a {@link FixedRate} per target, shortened by its region's profile (e.g. halved on
 * wedding days). A target is never taken again while its check is in flight, and a listing never waits for the
 * previous listing's checks to end.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SourcePolling implements DisposableBean {

    private final ThresholdProperties thresholds;
    private final ProtectionStates protection;
    private final RecurringWork work;
    private final Clock clock;
    private final List<Disposable> queues = new CopyOnWriteArrayList<>();

    /**
     * @param listing the source's current targets (blocking clients must subscribe on a bounded elastic scheduler)
     * @param id      a target's id, the key of its schedule
     * @param region  a target's region, whose protection profile sets its pace
     */
    public <T> void start(String source, Duration interval, int concurrency, Supplier<Flux<T>> listing, Function<T, String> id,
                          Function<T, String> region, Function<T, Mono<Void>> check) {
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        Map<String, Instant> nextDue = new ConcurrentHashMap<>();
        CheckQueue<T> queue = new CheckQueue<>(source, concurrency, id, check, target -> inFlight.remove(id.apply(target)));
        queues.add(queue);
        work.start(source + " polling", tick(interval), () -> Flux.defer(listing)
                .filter(target -> !inFlight.contains(id.apply(target)) && due(nextDue, id.apply(target), region.apply(target), interval))
                .doOnNext(target -> {
                    inFlight.add(id.apply(target));
                    queue.offer(target);
                })
                .then());
    }

    /**
     * How often a source lists its targets: a fifth of its interval at the tightest profile's pace (wedding days), so
     * a target is checked within a fifth of an interval of being due.
     */
    private Duration tick(Duration interval) {
        double tightest = Math.min(1.0, thresholds.tightestIntervalFactor());
        return Duration.ofMillis(Math.max(500, Math.round(interval.toMillis() * tightest / 5)));
    }

    private boolean due(Map<String, Instant> nextDue, String id, String region, Duration interval) {
        Instant now = clock.instant();
        Instant next = nextDue.get(id);
        if (next != null && now.isBefore(next)) {
            return false;
        }
        double factor = thresholds.forProfile(protection.profile(region)).intervalFactor();
        nextDue.put(id, FixedRate.nextDue(next, Duration.ofMillis(Math.round(interval.toMillis() * factor)), now));
        return true;
    }

    @Override
    public void destroy() {
        queues.forEach(Disposable::dispose);
    }
}
