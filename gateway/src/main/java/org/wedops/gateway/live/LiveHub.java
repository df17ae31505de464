package org.wedops.gateway.live;

import lombok.RequiredArgsConstructor;
import reactor.core.Exceptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans the feed out to every open stream. Bounded everywhere: at most {@code maxClients} streams, at most
 * {@code clientBuffer} events held for one of them (a client that falls further behind gets a
 * {@link SlowClientException} and is dropped, the others never wait for it), and one protection state per region
 * kept for newcomers. Publishing never blocks: a stream without demand has its own buffer between it and the sink.
 */
@RequiredArgsConstructor
public final class LiveHub {

    /** A client's buffer overflowed: it is dropped and told so; it reconnects and reloads. */
    public static final class SlowClientException extends RuntimeException {
        SlowClientException() {
            super("this stream fell too far behind and was closed; reconnect and reload");
        }
    }

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, LiveEvent> protectionByRegion = new ConcurrentHashMap<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final int maxClients;
    private final int clientBuffer;

    /** From the feed's one consumer thread (the sink is not to be emitted into concurrently). */
    public void publish(LiveEvent event) {
        if ("protection".equals(event.kind())) {
            protectionByRegion.merge(event.key(), event, LiveHub::newer);
        }
        // no subscriber, or none with room, is not an error: the event is for whoever listens now
        sink.tryEmitNext(event);
    }

    /**
     * A new stream: the protection state of every region first, then every event as it comes. Empty when
     * {@code maxClients} streams are already open.
     */
    public Optional<Flux<LiveEvent>> open() {
        if (clients.incrementAndGet() > maxClients) {
            clients.decrementAndGet();
            return Optional.empty();
        }
        Flux<LiveEvent> live = sink.asFlux()
                .onBackpressureBuffer(clientBuffer, dropped -> { }, BufferOverflowStrategy.ERROR)
                .onErrorMap(error -> Exceptions.isOverflow(error), error -> new SlowClientException());
        // live first, then the snapshot: a state published in between arrives twice rather than never, and the
        // console keeps the newest per region
        Flux<LiveEvent> snapshot = Flux.defer(() -> Flux.fromIterable(List.copyOf(protectionByRegion.values())));
        return Optional.of(Flux.merge(live, snapshot).doFinally(signal -> clients.decrementAndGet()));
    }

    public int openStreams() {
        return clients.get();
    }

    private static LiveEvent newer(LiveEvent known, LiveEvent arrived) {
        return occurredAt(arrived).isBefore(occurredAt(known)) ? known : arrived;
    }

    private static Instant occurredAt(LiveEvent event) {
        Object at = event.event().get("occurredAt");
        return at instanceof String text ? Instant.parse(text) : Instant.EPOCH;
    }
}
