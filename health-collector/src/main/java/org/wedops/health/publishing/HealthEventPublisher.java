package org.wedops.health.publishing;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Mono;

/** Every check goes to ops.health.v1, keyed by target id so one target's checks stay in order. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HealthEventPublisher {

    private final EventPublisher publisher;

    public Mono<Void> publish(ContainerHealthReported check) {
        return publisher.publish(Topics.HEALTH, check.getTargetId(), check).then();
    }
}
