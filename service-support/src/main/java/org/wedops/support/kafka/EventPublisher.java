package org.wedops.support.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes an event and completes only when the broker has acknowledged it (acks=all, idempotent producer).
 * The send runs on the bounded-elastic scheduler because a producer waiting for metadata blocks its caller,
 * which must never be an event-loop thread.
 */
public class EventPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;

    public EventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    public Mono<SendResult<String, SpecificRecord>> publish(String topic, String key, SpecificRecord event) {
        return Mono.defer(() -> Mono.fromFuture(template.send(topic, key, event)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
