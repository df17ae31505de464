package org.wedops.health.protectionwatch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.database.RecurringWork;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.protection.RegionProtection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a human when a region's protection state has gone stale (the scaling-planner promised a change and none came:
 * it is down, or cannot reach Kafka), before an automatic action is refused for it: while it lasts, no restart, scale
 * or deploy happens there by itself. CRITICAL when the last known state was a protected window, since then the freeze
 * may be ending or beginning without anyone applying it; HIGH otherwise. Resolved once the state is current again.
 * The collector watches because it is the service that acts on its own most often; the alert-router deduplicates the
 * alert of every collector instance by its fingerprint.
 */
@Component
@EnableConfigurationProperties(ProtectionWatchProperties.class)
@RequiredArgsConstructor
class ProtectionWatch {

    static final String NAME = "ProtectionStateStale";

    private final ProtectionStates protection;
    private final EventPublisher publisher;
    private final AlertSource alerts;
    private final RecurringWork work;
    private final ProtectionWatchProperties settings;
    private final Clock clock;
    /** Region → when its staleness alert began; what this instance has said is firing. */
    private final Map<String, Instant> firing = new ConcurrentHashMap<>();

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("protection-watch", settings.interval(), this::check);
    }

    Mono<Void> check() {
        if (!protection.caughtUp()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Set<String> regions = new HashSet<>(protection.all().keySet());
        // a region removed from the topic while its alert fired is resolved as well: it is no longer anyone's to watch
        regions.addAll(firing.keySet());
        return Flux.fromIterable(regions)
                .map(protection::protection)
                .concatMap(region -> {
                    boolean stale = region.knowledge() == RegionProtection.Knowledge.STALE;
                    Instant since = firing.get(region.region());
                    if (stale && since == null) {
                        return publish(region, AlertStatus.FIRING, now, null, now).doOnSuccess(ignored -> firing.put(region.region(), now));
                    }
                    if (!stale && since != null) {
                        return publish(region, AlertStatus.RESOLVED, since, now, now).doOnSuccess(ignored -> firing.remove(region.region()));
                    }
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> publish(RegionProtection region, AlertStatus status, Instant startsAt, Instant endsAt, Instant now) {
        boolean wasProtected = region.lastState().map(state -> state.getFreezeActive() || state.getWeddingActive()
                || state.getEmergency()).orElse(false);
        String summary = status == AlertStatus.FIRING
                ? region.why() + "; automatic restarts, scale-downs and deploys in " + region.region() + " are held until it is current"
                : region.known() ? "protection of region " + region.region() + " is current again"
                : "protection of region " + region.region() + " is no longer stale; " + region.why();
        Alert alert = alerts.alert(alerts.fingerprint(NAME, region.region()), now)
                .setName(NAME).setStatus(status).setSeverity(wasProtected ? Severity.CRITICAL : Severity.HIGH)
                .setService("scaling-planner").setRegion(region.region()).setSummary(summary)
                .setStartsAt(startsAt).setEndsAt(endsAt)
                .setLabels(Map.of("region", region.region(), "knowledge", region.knowledge().name()))
                .build();
        return publisher.publish(Topics.ALERTS, alert.getFingerprint(), alert).then();
    }
}
