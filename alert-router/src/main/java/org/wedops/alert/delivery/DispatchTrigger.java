package org.wedops.alert.delivery;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Wakes the dispatcher as soon as something is queued, so a CRITICAL alert does not wait for the next poll. */
@Component
public class DispatchTrigger {

    private final Sinks.Many<Boolean> pokes = Sinks.many().multicast().directBestEffort();

    public void poke() {
        pokes.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> pokes() {
        return pokes.asFlux();
    }
}
