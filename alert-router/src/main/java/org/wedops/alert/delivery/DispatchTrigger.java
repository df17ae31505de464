package org.wedops.alert.delivery;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Wakes the group flusher and the outbox dispatcher as soon as there is work, so a CRITICAL alert with zero
 * group_wait does not wait for the next poll.
 */
@Component
public class DispatchTrigger {

    private final Sinks.Many<Boolean> groupPokes = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Boolean> outboxPokes = Sinks.many().multicast().directBestEffort();

    /** Something may be due in the groups (an alert changed, a silence ended). */
    public void pokeGroups() {
        groupPokes.tryEmitNext(Boolean.TRUE);
    }

    /** Something was queued in the outbox. */
    public void poke() {
        outboxPokes.tryEmitNext(Boolean.TRUE);
    }

    public Flux<Boolean> groupPokes() {
        return groupPokes.asFlux();
    }

    Flux<Boolean> pokes() {
        return outboxPokes.asFlux();
    }
}
