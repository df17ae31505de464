package org.wedops.alert.grouping;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.alert.delivery.DispatchProperties;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.AlertLabels;
import org.wedops.alert.silence.Silence;
import org.wedops.alert.silence.SilenceCatchUp;
import org.wedops.alert.silence.Silences;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/**
 * The catch-up when a silence ends: every group holding a firing alert the silence matched is flushed now. Silences
 * whose end time passed are looked for at the dispatch interval and marked ended, with the same catch-up.
 */
@Component
@RequiredArgsConstructor
class GroupCatchUp implements SilenceCatchUp {

    private final Silences silences;
    private final AlertStore alerts;
    private final AlertGroups groups;
    private final ProtectionStates protection;
    private final DispatchTrigger trigger;
    private final DispatchProperties settings;
    private final RecurringWork work;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("Lapsed silences", settings.interval(), this::endLapsedSilences);
    }

    @Override
    public Mono<Void> afterSilenceEnded(Silence silence, Instant now) {
        return alerts.firing()
                .filter(alert -> silence.silences(AlertLabels.of(alert, protection)))
                .map(StoredAlert::fingerprint)
                .collectList()
                .flatMap(fingerprints -> groups.flushNowGroupsOf(fingerprints, now))
                .doOnSuccess(flushed -> trigger.pokeGroups())
                .then();
    }

    Mono<Void> endLapsedSilences() {
        Instant now = clock.instant();
        return silences.endLapsed(now).concatMap(silence -> afterSilenceEnded(silence, now)).then();
    }
}
