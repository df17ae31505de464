package org.wedops.planner.targethealth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.Topics;

/**
 * Keeps the latest check per target from ops.health.v1; the offset is acknowledged once the row is committed.
 * The consumer thread waits for the write, which keeps one target's checks in order.
 */
@Component
class TargetHealthListener {

    private static final Logger log = LoggerFactory.getLogger(TargetHealthListener.class);

    private final TargetHealthStore store;

    TargetHealthListener(TargetHealthStore store) {
        this.store = store;
    }

    @KafkaListener(id = "planner-target-health", idIsGroup = false, topics = Topics.HEALTH)
    void onHealthCheck(ContainerHealthReported check, Acknowledgment ack) {
        Boolean applied = store.record(check).block();
        if (!Boolean.TRUE.equals(applied)) {
            log.debug("Check {} of {} is not newer than the stored one; ignored", check.getEventId(), check.getTargetId());
        }
        ack.acknowledge();
    }
}
