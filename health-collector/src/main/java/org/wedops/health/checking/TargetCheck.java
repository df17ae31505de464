package org.wedops.health.checking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.HealthSource;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.HealthCollectorProperties;
import org.wedops.health.classification.Classification;
import org.wedops.health.classification.HealthClassifier;
import org.wedops.health.classification.StatusConfirmation;
import org.wedops.health.probe.HttpProbe;
import org.wedops.health.publishing.HealthAlertPublisher;
import org.wedops.health.publishing.HealthEventPublisher;
import org.wedops.health.status.TargetStatus;
import org.wedops.health.status.TargetStatusStore;
import org.wedops.health.targets.HealthTarget;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/**
 * One check of one target: probe, classify under the region's threshold profile, confirm against the previous
 * results, publish the check (and alerts on a confirmed change), then store. Publishing comes before storing so
 * that a failed publish leaves the stored status unchanged and the next check raises the alert again.
 */
@Component
public class TargetCheck {

    private final HttpProbe probe;
    private final TargetStatusStore store;
    private final HealthEventPublisher events;
    private final HealthAlertPublisher alerts;
    private final ProtectionStates protection;
    private final HealthCollectorProperties properties;
    private final Clock clock;

    TargetCheck(HttpProbe probe, TargetStatusStore store, HealthEventPublisher events, HealthAlertPublisher alerts,
                ProtectionStates protection, HealthCollectorProperties properties, Clock clock) {
        this.probe = probe;
        this.store = store;
        this.events = events;
        this.alerts = alerts;
        this.protection = protection;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> check(HealthTarget target) {
        ThresholdProfile profile = protection.profile(target.region());
        return probe.probe(target).flatMap(result -> {
            Classification classification = HealthClassifier.classify(target, result, properties.thresholds().forProfile(profile));
            ContainerHealthReported check = ContainerHealthReported.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(clock.instant())
                    .setTargetId(target.id()).setService(target.service()).setRegion(target.region())
                    .setSource(HealthSource.HTTP)
                    .setStatus(classification.status())
                    .setReasons(classification.reasons())
                    .setProfile(profile)
                    .setResponseTimeMs(result.responseTime().toNanos() / 1_000_000.0)
                    .build();
            return store.find(target.id())
                    .map(previous -> afterPrevious(check, previous))
                    .switchIfEmpty(Mono.fromSupplier(() -> afterFirst(check)))
                    .flatMap(step -> step);
        });
    }

    private Mono<Void> afterFirst(ContainerHealthReported check) {
        StatusConfirmation now = StatusConfirmation.first(check.getStatus());
        return events.publish(check)
                .then(alerts.onTransition(check, null, now.confirmed(), check.getOccurredAt()))
                .then(store.record(check, now, check.getOccurredAt()));
    }

    private Mono<Void> afterPrevious(ContainerHealthReported check, TargetStatus previous) {
        StatusConfirmation before = previous.confirmation();
        StatusConfirmation now = before.next(check.getStatus(), properties.confirmations());
        boolean changed = now.changedFrom(before);
        Instant changedAt = changed ? check.getOccurredAt() : previous.changedAt();
        Mono<Void> transition = changed
                ? alerts.onTransition(check, before.confirmed(), now.confirmed(), previous.changedAt())
                : Mono.empty();
        return events.publish(check).then(transition).then(store.record(check, now, changedAt));
    }
}
