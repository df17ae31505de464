package org.wedops.health.checking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.classification.ContainerClassifier;
import org.wedops.health.classification.ContainerObservation;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.classification.RestartCounter;
import org.wedops.health.restart.RestartDecisions;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/**
 * The part of a container or pod check that does not depend on its source: restarts counted in the profile's
 * window, classification under the region's profile, recording, and — for a target whose confirmed status is
 * CRITICAL — one restart decision per cooldown, so a target that stays CRITICAL is not decided on at every check.
 */
@Component
public class ContainerChecks {

    private final CheckRecorder recorder;
    private final RestartDecisions restarts;
    private final ProtectionStates protection;
    private final HealthCollectorProperties properties;
    private final Clock clock;
    private final RestartCounter restartCounter = new RestartCounter();
    private final Map<String, Instant> lastRestartDecision = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextDue = new ConcurrentHashMap<>();

    ContainerChecks(CheckRecorder recorder, @Lazy RestartDecisions restarts, ProtectionStates protection,
                    HealthCollectorProperties properties, Clock clock) {
        this.recorder = recorder;
        this.restarts = restarts;
        this.protection = protection;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * How often a source lists its targets: a fifth of its interval at the tightest profile's pace (wedding days), so
     * a target is checked within a fifth of an interval of being due.
     */
    public Duration tick(Duration interval) {
        double tightest = java.util.Arrays.stream(ThresholdProfile.values())
                .mapToDouble(profile -> properties.thresholds().forProfile(profile).intervalFactor()).min().orElse(1.0);
        return Duration.ofMillis(Math.max(500, Math.round(interval.toMillis() * Math.min(1.0, tightest) / 5)));
    }

    /** Whether a target is due: its interval, shortened by its region's profile (e.g. halved on wedding days). */
    public boolean due(String id, String region, Duration interval) {
        Instant now = clock.instant();
        Instant next = nextDue.get(id);
        if (next != null && now.isBefore(next)) {
            return false;
        }
        double factor = properties.thresholds().forProfile(protection.profile(region)).intervalFactor();
        Duration step = Duration.ofMillis(Math.round(interval.toMillis() * factor));
        // fixed rate: due one interval after it was last due, so the tick does not stretch every interval; a target
        // far behind starts afresh instead of bursting
        nextDue.put(id, next == null || next.plus(step).isBefore(now) ? now.plus(step) : next.plus(step));
        return true;
    }

    /**
     * @param observation the observation, given the number of restarts within the profile's window
     * @param cooldown    least time between two restart decisions for the same target
     */
    public Mono<Void> check(CheckSubject subject, int restartCount, IntFunction<ContainerObservation> observation,
                            Measurements measured, boolean autoRestart, Duration cooldown) {
        Instant now = clock.instant();
        ThresholdProfile profile = protection.profile(subject.region());
        HealthThresholds thresholds = properties.thresholds().forProfile(profile);
        int restartsInWindow = restartCounter.restartsWithin(subject.id(), restartCount, now, thresholds.restartWindow());
        return recorder.record(subject, ContainerClassifier.classify(observation.apply(restartsInWindow), thresholds), profile, measured)
                .flatMap(recorded -> recorded.confirmation().confirmed() == HealthStatus.CRITICAL && dueForDecision(subject.id(), now, cooldown)
                        ? restarts.onCritical(subject, autoRestart).then()
                        : Mono.empty());
    }

    private boolean dueForDecision(String id, Instant now, Duration cooldown) {
        Instant last = lastRestartDecision.get(id);
        if (last != null && last.plus(cooldown).isAfter(now)) {
            return false;
        }
        lastRestartDecision.put(id, now);
        return true;
    }
}
