package org.wedops.health.checking;

import java.time.Duration;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.events.HealthSource;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.classification.Classification;
import org.wedops.health.classification.HealthClassifier;
import org.wedops.health.classification.ThresholdProperties;
import org.wedops.health.probe.HttpProbe;
import org.wedops.health.status.CheckSubject;
import org.wedops.health.targets.HealthTarget;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/** One check of one HTTP target: probe, classify under the region's threshold profile, record. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TargetCheck {

    private final HttpProbe probe;
    private final CheckRecorder recorder;
    private final ProtectionStates protection;
    private final ThresholdProperties thresholds;

    public Mono<Void> check(HealthTarget target) {
        ThresholdProfile profile = protection.profile(target.region());
        return probe.probe(target.url(), Duration.ofMillis(target.timeoutMs())).flatMap(result -> {
            Classification classification = HealthClassifier.classify(target, result, thresholds.forProfile(profile));
            return recorder.record(new CheckSubject(target.id(), target.service(), target.region(), HealthSource.HTTP),
                    classification, profile, Measurements.responseTime(result.responseTime().toNanos() / 1_000_000.0));
        }).then();
    }
}
