package org.wedops.health.checking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.events.HealthStatus;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.classification.ContainerClassifier;
import org.wedops.health.classification.ContainerObservation;
import org.wedops.health.classification.HealthThresholds;
import org.wedops.health.classification.RestartCounter;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.restart.RestartDecisions;
import org.wedops.health.status.CheckSubject;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/**
 * The part of a container or pod check that does not depend on its source: restarts counted in the profile's
 * window, classification under the region's profile, recording, and — for a target whose confirmed status is
 * CRITICAL — one restart decision per cooldown, so a target that stays CRITICAL is not decided on at every check.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ContainerChecks {

    private final CheckRecorder recorder;
    private final RestartDecisions restarts;
    private final ProtectionStates protection;
    private final ThresholdProperties thresholds;
    private final Clock clock;
    private final RestartCounter restartCounter = new RestartCounter();
    private final Map<String, Instant> lastRestartDecision = new ConcurrentHashMap<>();

    /**
     * @param observation the observation, given the number of restarts within the profile's window
     * @param cooldown    least time between two restart decisions for the same target
     */
    public Mono<Void> check(CheckSubject subject, int restartCount, IntFunction<ContainerObservation> observation,
                            Measurements measured, boolean autoRestart, Duration cooldown) {
        Instant now = clock.instant();
        ThresholdProfile profile = protection.profile(subject.region());
        HealthThresholds profileThresholds = thresholds.forProfile(profile);
        int restartsInWindow = restartCounter.restartsWithin(subject.id(), restartCount, now, profileThresholds.restartWindow());
        return recorder.record(subject, ContainerClassifier.classify(observation.apply(restartsInWindow), profileThresholds), profile, measured)
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
