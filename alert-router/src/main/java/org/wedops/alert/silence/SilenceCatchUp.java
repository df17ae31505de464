package org.wedops.alert.silence;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.grouping.AlertGroups;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.AlertLabels;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Mono;

/**
 * When a silence ends (expired by hand, or its end time passes), the alerts it held back that are still firing
 * are notified at once, not after {@code repeat_interval} as in Alertmanager.
 */
@Component
public class SilenceCatchUp {

    private final Silences silences;
    private final AlertStore alerts;
    private final AlertGroups groups;
    private final ProtectionStates protection;
    private final DispatchTrigger trigger;
    private final Clock clock;

    SilenceCatchUp(Silences silences, AlertStore alerts, AlertGroups groups, ProtectionStates protection, DispatchTrigger trigger, Clock clock) {
        this.silences = silences;
        this.alerts = alerts;
        this.groups = groups;
        this.protection = protection;
        this.trigger = trigger;
        this.clock = clock;
    }

    public Mono<Void> afterSilenceEnded(Silence silence, Instant now) {
        return alerts.firing()
                .filter(alert -> silence.silences(AlertLabels.of(alert, protection)))
                .map(StoredAlert::fingerprint)
                .collectList()
                .flatMap(fingerprints -> groups.flushNowGroupsOf(fingerprints, now))
                .doOnSuccess(flushed -> trigger.pokeGroups())
                .then();
    }

    @Scheduled(fixedDelayString = "${wedops.alert.dispatch.interval:500ms}")
    Mono<Void> endLapsedSilences() {
        Instant now = clock.instant();
        return silences.endLapsed(now).concatMap(silence -> afterSilenceEnded(silence, now)).then();
    }
}
