package org.wedops.planner.deployments;

import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.Topics;
import org.wedops.support.kafka.WedopsKafkaProperties;

/** Keeps the latest phase of every deployment from ops.deployments.v1, for wedding readiness. */
@Component
class DeploymentListener {

    private final DeploymentStatuses statuses;
    private final Duration timeout;

    DeploymentListener(DeploymentStatuses statuses, WedopsKafkaProperties kafka) {
        this.statuses = statuses;
        this.timeout = kafka.listenerCallTimeout();
    }

    @KafkaListener(id = "deployments", groupId = "${spring.application.name}-deployments", topics = Topics.DEPLOYMENTS)
    void onDeployment(DeploymentEvent event, Acknowledgment ack) {
        statuses.record(event).block(timeout);
        ack.acknowledge();
    }
}
