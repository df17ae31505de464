package org.wedops.health.checking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.ThresholdProfile;
import org.wedops.health.classification.Classification;
import org.wedops.health.classification.StatusConfirmation;
import org.wedops.health.publishing.HealthAlertPublisher;
import org.wedops.health.publishing.HealthEventPublisher;
import org.wedops.health.status.CheckSubject;
import org.wedops.health.status.TargetStatus;
import org.wedops.health.status.TargetStatusStore;

import reactor.core.publisher.Mono;

/**
 * What every check goes through, whatever its source: confirm the result against the previous ones, publish the
 * check (and alerts on a confirmed change), then store. Publishing comes before storing so that a failed publish
 * leaves the stored status unchanged and the next check raises the alert again.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckRecorder {

    /** A recorded check and the confirmed status after it. */
    public record Recorded(ContainerHealthReported check, StatusConfirmation confirmation, Instant confirmedSince) {
    }

    private final TargetStatusStore store;
    private final HealthEventPublisher events;
    private final HealthAlertPublisher alerts;
    private final CheckingProperties settings;
    private final Clock clock;

    public Mono<Recorded> record(CheckSubject subject, Classification classification, ThresholdProfile profile, Measurements measured) {
        ContainerHealthReported check = ContainerHealthReported.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setTargetId(subject.id()).setService(subject.service()).setRegion(subject.region())
                .setSource(subject.source())
                .setStatus(classification.status())
                .setReasons(classification.reasons())
                .setProfile(profile)
                .setResponseTimeMs(measured.responseTimeMs())
                .setCpuPercent(measured.cpuPercent())
                .setMemoryPercent(measured.memoryPercent())
                .setRestartCount(measured.restartCount())
                .setDetails(measured.details())
                .build();
        return store.find(subject.id())
                .map(previous -> afterPrevious(check, previous))
                .switchIfEmpty(Mono.fromSupplier(() -> afterFirst(check)))
                .flatMap(step -> step);
    }

    private Mono<Recorded> afterFirst(ContainerHealthReported check) {
        StatusConfirmation now = StatusConfirmation.first(check.getStatus());
        return events.publish(check)
                .then(alerts.onTransition(check, null, now.confirmed(), check.getOccurredAt()))
                .then(store.record(check, now, check.getOccurredAt()))
                .thenReturn(new Recorded(check, now, check.getOccurredAt()));
    }

    private Mono<Recorded> afterPrevious(ContainerHealthReported check, TargetStatus previous) {
        StatusConfirmation before = previous.confirmation();
        StatusConfirmation now = before.next(check.getStatus(), settings.confirmations());
        boolean changed = now.changedFrom(before);
        Instant changedAt = changed ? check.getOccurredAt() : previous.changedAt();
        Mono<Void> transition = changed
                ? alerts.onTransition(check, before.confirmed(), now.confirmed(), previous.changedAt())
                : Mono.empty();
        return events.publish(check).then(transition).then(store.record(check, now, changedAt))
                .thenReturn(new Recorded(check, now, changedAt));
    }
}
