package org.wedops.support.kafka;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * How a listener waits for the database call a record needs: on the consumer's own thread (never an event loop), and
 * never longer than {@code wedops.kafka.listener-call-timeout}. Waiting is what keeps the offset commit after the
 * write; the bound is what turns a database that hangs into a failed attempt, retried as an outage by the shared error
 * handler, instead of a consumer that waits for ever.
 */
public class ListenerCalls {

    private final Duration timeout;

    public ListenerCalls(WedopsKafkaProperties kafka) {
        this.timeout = kafka.listenerCallTimeout();
    }

    /** The call's result, or null when it completes empty; fails when it fails or outlasts the timeout. */
    public <T> T await(Mono<T> call) {
        return call.block(timeout);
    }
}
