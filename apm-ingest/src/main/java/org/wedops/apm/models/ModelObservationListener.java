package org.wedops.apm.models;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.support.kafka.ListenerCalls;

/**
 * Stores every observation from ops.apm.models.v1, acknowledging its offset only once the row is committed. The
 * consumer thread waits for the write: it is a thread of its own, and waiting leaves a failed write to the
 * container's retries and dead-letter topic.
 */
@Component
@RequiredArgsConstructor
class ModelObservationListener {

    private static final Logger log = LoggerFactory.getLogger(ModelObservationListener.class);

    private final ModelObservationStore store;
    private final ListenerCalls calls;

    @KafkaListener(id = "model-observations", groupId = "${spring.application.name}-model-observations", topics = Topics.APM_MODELS)
    void onObservation(ModelObservation observation, Acknowledgment ack) {
        Boolean stored = calls.await(store.record(observation));
        if (!Boolean.TRUE.equals(stored)) {
            log.debug("Observation {} of model {} was already stored", observation.getEventId(), observation.getModelId());
        }
        ack.acknowledge();
    }
}
