package org.wedops.alert.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.delivery.DispatchProperties;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.GroupNotification.AlertLine;
import org.wedops.alert.integration.Integrations;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.routing.EscalationPolicy;
import org.wedops.alert.routing.EscalationPolicy.Tier;
import org.wedops.alert.routing.Routing;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Mono;

/**
 * Takes due escalation steps: if the alert is still firing in the same episode and nobody acknowledged it, the
 * step's tier is notified (queued in the outbox with a delivery key per alert, episode, step and integration) and
 * the next step is scheduled after that tier's ack timeout, shorter on wedding days.
 */
@Component
@RequiredArgsConstructor
class EscalationRunner {

    private final Escalations escalations;
    private final AlertStore alerts;
    private final Routing routing;
    private final Integrations integrations;
    private final NotificationOutbox outbox;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final EscalationProperties settings;
    private final DispatchProperties dispatch;
    private final RecurringWork work;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("Escalation run", settings.interval(), this::run);
    }

    Mono<Void> run() {
        Instant now = clock.instant();
        return escalations.claimDue(now, dispatch.claimTimeout(), dispatch.batchSize())
                .concatMap(due -> step(due, now).as(transaction::transactional))
                .reduce(false, Boolean::logicalOr)
                .doOnNext(sent -> {
                    if (sent) {
                        trigger.poke();
                    }
                })
                .then();
    }

    private Mono<Boolean> step(Escalations.Due due, Instant now) {
        EscalationPolicy policy = routing.config().escalations().get(due.policy());
        return alerts.find(due.fingerprint()).flatMap(alert -> {
            boolean stillUnhandled = alert.state() == AlertState.FIRING && alert.startsAt().equals(due.episodeStart());
            if (policy == null || !stillUnhandled) {
                return escalations.stepped(due.fingerprint(), due.step(), null).thenReturn(false);
            }
            int step = due.step() + 1;
            Tier tier = EscalationLadder.tierOf(policy, step);
            Instant next = EscalationLadder.hasNext(policy, step) ? now.plus(tier.timeout(due.weddingDay())) : null;
            Tier previous = EscalationLadder.tierOf(policy, due.step());
            String note = "Not acknowledged within " + previous.timeout(due.weddingDay()).toSeconds() + " s"
                    + (due.weddingDay() ? " (wedding day)" : "") + "; escalated to " + tier.receiver()
                    + " (step " + step + " of " + EscalationLadder.lastStep(policy) + ").";
            GroupNotification content = new GroupNotification("ESCALATION", tier.receiver(), alert.fingerprint(),
                    Map.of("alertname", alert.name(), "service", alert.service()), List.of(AlertLine.of(alert)), List.of(), note);
            String keyPrefix = alert.fingerprint() + ":" + alert.startsAt().toEpochMilli() + ":esc" + step + ":";
            return outbox.enqueueEach(keyPrefix, content, integrations.of(tier.receiver()), null, List.of(alert.fingerprint()), now)
                    .then(escalations.stepped(due.fingerprint(), step, next))
                    .thenReturn(true);
        }).defaultIfEmpty(false);
    }
}
