package org.wedops.health.checking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.targets.FixedRate;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives a container or pod source: every tick it lists the source's targets and checks each one that is due, at a
 * {@link FixedRate} per target, shortened by its region's profile (e.g. halved on wedding days), with at most
 * {@code concurrency} checks in flight across ticks ({@link RecurringWork#startEach}). A slow check holds only its own
 * slot and its own target, never taken again while in flight.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SourcePolling {

    private final ThresholdProperties thresholds;
    private final ProtectionStates protection;
    private final RecurringWork work;
    private final Clock clock;

    /**
     * @param listing the source's current targets (blocking clients must subscribe on a bounded elastic scheduler)
     * @param id      a target's id, the key of its schedule
     * @param region  a target's region, whose protection profile sets its pace
     */
    public <T> void start(String source, Duration interval, int concurrency, Supplier<Flux<T>> listing, Function<T, String> id,
                          Function<T, String> region, Function<T, Mono<Void>> check) {
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        Map<String, Instant> nextDue = new ConcurrentHashMap<>();
        // the listing is pulled as check slots free up: a target is found due (and its next due time set) only when it
        // can start, so a busy source checks its targets a little late instead of queueing them a whole interval deep
        work.startEach(source + " polling", tick(interval),
                () -> Flux.defer(listing)
                        .filter(target -> !inFlight.contains(id.apply(target)) && due(nextDue, id.apply(target), region.apply(target), interval))
                        .doOnNext(target -> inFlight.add(id.apply(target))),
                id, check::apply, target -> inFlight.remove(id.apply(target)), concurrency);
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

}
