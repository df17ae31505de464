package org.wedops.planner.deployments;

import lombok.RequiredArgsConstructor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.Topics;
import org.wedops.support.kafka.ListenerCalls;

/** Keeps the latest phase of every deployment from ops.deployments.v1, for wedding readiness. */
@Component
@RequiredArgsConstructor
class DeploymentListener {

    private final DeploymentStatuses statuses;
    private final ListenerCalls calls;

    @KafkaListener(id = "deployments", groupId = "${spring.application.name}-deployments", topics = Topics.DEPLOYMENTS)
    void onDeployment(DeploymentEvent event, Acknowledgment ack) {
        calls.await(statuses.record(event));
        ack.acknowledge();
    }
}
