package org.wedops.support.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes an event and completes only when the broker has acknowledged it (acks=all, idempotent producer).
 * The send runs on the bounded-elastic scheduler because a producer waiting for metadata blocks its caller,
 * which must never be an event-loop thread.
 */
@RequiredArgsConstructor
public class EventPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;

    public Mono<SendResult<String, SpecificRecord>> publish(String topic, String key, SpecificRecord event) {
        return Mono.defer(() -> Mono.fromFuture(template.send(topic, key, event)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Publishes many events in one hand-off to the bounded-elastic scheduler (the producer batches them) and completes
     * when the broker has acknowledged every one; fails if any send fails.
     */
    public Mono<Void> publishAll(String topic, List<Keyed> events) {
        return publishAll(events.stream().map(event -> new ProducerRecord<>(topic, event.key(), event.event())).toList());
    }

    /** {@link #publishAll(String, List)} for records that carry headers of their own. */
    public Mono<Void> publishAll(List<ProducerRecord<String, SpecificRecord>> records) {
        return records.isEmpty() ? Mono.empty() : publishAll(() -> records);
    }

    /**
     * {@link #publishAll(List)} for records whose making may block too (on the producer's metadata, say): they are made
     * in the same hand-off to the bounded-elastic scheduler.
     */
    public Mono<Void> publishAll(Supplier<List<ProducerRecord<String, SpecificRecord>>> records) {
        return Mono.fromCallable(() -> records.get().stream().map(template::send).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sends -> sends.isEmpty() ? Mono.<Void>empty()
                        : Mono.fromFuture(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))));
    }

    /** An event and the key it goes under. */
    public record Keyed(String key, SpecificRecord event) {
    }
}
