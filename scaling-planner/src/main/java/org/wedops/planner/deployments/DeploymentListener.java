package org.wedops.planner.deployments;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.Topics;

/** Keeps the latest phase of every deployment from ops.deployments.v1, for wedding readiness. */
@Component
class DeploymentListener {

    private final DeploymentStatuses statuses;

    DeploymentListener(DeploymentStatuses statuses) {
        this.statuses = statuses;
    }

    @KafkaListener(id = "planner-deployments", idIsGroup = false, topics = Topics.DEPLOYMENTS)
    void onDeployment(DeploymentEvent event, Acknowledgment ack) {
        statuses.record(event).block();
        ack.acknowledge();
    }
}
