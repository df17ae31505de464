package org.wedops.alert.silence;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * When a silence ends (expired by hand, or its end time passes), the alerts it held back that are still firing
 * are notified at once, not after {@code repeat_interval} as in Alertmanager. Grouping does it: it owns the groups.
 */
public interface SilenceCatchUp {

    /** In the caller's transaction. */
    Mono<Void> afterSilenceEnded(Silence silence, Instant now);
}
