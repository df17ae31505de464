package org.wedops.apm.models;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.wedops.events.ModelObservation;
import org.wedops.events.Topics;
import org.wedops.support.kafka.WedopsKafkaProperties;

/**
 * Stores every observation from ops.apm.models.v1, acknowledging its offset only once the row is committed. The
 * consumer thread waits for the write: it is a thread of its own, and waiting leaves a failed write to the
 * container's retries and dead-letter topic.
 */
@Component
class ModelObservationListener {

    private static final Logger log = LoggerFactory.getLogger(ModelObservationListener.class);

    private final ModelObservationStore store;
    private final Duration timeout;

    ModelObservationListener(ModelObservationStore store, WedopsKafkaProperties kafka) {
        this.store = store;
        this.timeout = kafka.listenerCallTimeout();
    }

    @KafkaListener(id = "model-observations", groupId = "${spring.application.name}-model-observations", topics = Topics.APM_MODELS)
    void onObservation(ModelObservation observation, Acknowledgment ack) {
        Boolean stored = store.record(observation).block(timeout);
        if (!Boolean.TRUE.equals(stored)) {
            log.debug("Observation {} of model {} was already stored", observation.getEventId(), observation.getModelId());
        }
        ack.acknowledge();
    }
}
