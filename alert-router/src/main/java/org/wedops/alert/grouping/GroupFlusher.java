package org.wedops.alert.grouping;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.delivery.DispatchProperties;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.grouping.AlertGroups.Group;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.GroupNotification.AlertLine;
import org.wedops.alert.integration.Integration;
import org.wedops.alert.integration.Integrations;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.alert.routing.AlertLabels;
import org.wedops.alert.routing.Muting;
import org.wedops.alert.routing.RegionZones;
import org.wedops.alert.routing.Routing;
import org.wedops.alert.silence.Silence;
import org.wedops.alert.silence.Silences;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Flushes due groups: one notification per group and integration with the alerts firing (not silenced, not
 * inhibited, not acknowledged) and those resolved since the last one. Queuing the notifications and recording
 * the flush happen in one transaction, so a crash never loses a flush nor sends it twice.
 */
@Component
@RequiredArgsConstructor
class GroupFlusher {

    private static final Logger log = LoggerFactory.getLogger(GroupFlusher.class);

    private final AlertGroups groups;
    private final AlertStore alerts;
    private final Silences silences;
    private final Routing routing;
    private final Integrations integrations;
    private final NotificationOutbox outbox;
    private final ProtectionStates protection;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final DispatchProperties settings;
    private final RegionZones zones;
    private final RecurringWork work;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("Group flush", settings.interval(), trigger.groupPokes(), this::drain);
    }

    Mono<Void> drain() {
        Instant now = clock.instant();
        return groups.claimDue(now, settings.claimTimeout(), settings.batchSize()).collectList().flatMap(due -> {
            if (due.isEmpty()) {
                return Mono.empty();
            }
            // what silences and inhibits is read once per drain, not once per group
            // every firing alert is a possible inhibition source; without inhibit rules there is nothing to read
            Mono<List<StoredAlert>> inhibitionSources = routing.config().inhibitRules().isEmpty()
                    ? Mono.just(List.of()) : alerts.firing().collectList();
            return Mono.zip(silences.activeAt(now).collectList(), inhibitionSources)
                    .flatMap(context -> Flux.fromIterable(due)
                            // groups are independent (each its own rows and transaction): a storm's groups go out side by side
                            .flatMap(group -> flushAndWakeDispatcher(group, context.getT1(), context.getT2(), now), settings.flushConcurrency())
                            .then());
        });
    }

    /**
     * The dispatcher is woken per group, so the first group of a storm does not wait for the last, and only once the
     * group's transaction committed: woken earlier it would not see the new outbox row.
     */
    private Mono<Void> flushAndWakeDispatcher(Group group, List<Silence> activeSilences, List<StoredAlert> allFiring, Instant now) {
        AtomicBoolean sent = new AtomicBoolean();
        return flush(group, activeSilences, allFiring, now).as(transaction::transactional)
                .doOnNext(sent::set)
                .then(Mono.fromRunnable(() -> {
                    if (sent.get()) {
                        trigger.poke();
                    }
                }));
    }

    private Mono<Boolean> flush(Group group, List<Silence> activeSilences, List<StoredAlert> allFiring, Instant now) {
        String region = group.labels().get("region");
        ZoneId zone = zones.zoneOf(region, protection.of(region == null ? "" : region).map(s -> s.getTimeZone()));
        Optional<Instant> mutedUntil = routing.config().route(group.routeId())
                .flatMap(route -> Muting.mutedUntil(route, routing.config(), now, zone));
        if (mutedUntil.isPresent()) {
            GroupFlushPlan muted = GroupFlushPlan.muted(mutedUntil.get());
            return groups.flushed(group, false, muted.told(), muted.dropped(), muted.nextFlush(), now).thenReturn(false);
        }
        return groups.members(group.key()).collectMap(Map.Entry::getKey, Map.Entry::getValue).flatMap(members ->
                alerts.findAll(members.keySet()).collectList().flatMap(memberAlerts -> {
                    List<Map<String, String>> sources = allFiring.stream().map(a -> AlertLabels.of(a, protection)).toList();
                    GroupFlushPlan plan = GroupFlushPlan.of(group, members, memberAlerts, alert -> AlertLabels.of(alert, protection),
                            activeSilences, routing.config().inhibitRules(), sources, now);
                    if (!plan.send()) {
                        return groups.flushed(group, false, plan.told(), plan.dropped(), plan.nextFlush(), now).thenReturn(false);
                    }
                    GroupNotification content = new GroupNotification("GROUP", group.receiver(), group.key(), group.labels(),
                            plan.firing().stream().map(AlertLine::of).toList(), plan.resolved().stream().map(AlertLine::of).toList(), null);
                    List<Integration> targets = integrations.of(group.receiver());
                    if (targets.isEmpty()) {
                        log.warn("Group {}: receiver '{}' has no usable integration; nothing sent", group.key(), group.receiver());
                    }
                    int seq = group.flushSeq() + 1;
                    return outbox.enqueueEach(group.key() + "#" + seq + ":", content, targets, group.fallback(), content.fingerprints(), now)
                            .then(groups.flushed(group, true, plan.told(), plan.dropped(), plan.nextFlush(), now))
                            .thenReturn(!targets.isEmpty());
                }));
    }
}
