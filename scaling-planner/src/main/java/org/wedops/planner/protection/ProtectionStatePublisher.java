package org.wedops.planner.protection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.wedops.events.ProtectionState;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes each region's current {@link ProtectionState} to the compacted ops.protection.v1 when it differs from
 * what was last published, ignoring eventId and occurredAt. "Last published" is both what this instance sent and
 * what the topic holds (every instance reads the topic): a state equal to only one of them is sent again, so an
 * instance never stays silent because of a state another instance has since replaced.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProtectionStatePublisher {

    private static final Logger log = LoggerFactory.getLogger(ProtectionStatePublisher.class);

    private final ProtectionPlanner planner;
    private final EventPublisher publisher;
    private final ProtectionStates onTheTopic;
    private final Clock clock;
    private final Map<String, ProtectionState> sent = new ConcurrentHashMap<>();
    private final Sinks.Many<ProtectionState> published = Sinks.many().multicast().directBestEffort();

    /**
     * Recomputes every region and publishes those whose state changed (all of them when {@code everyRegion}).
     *
     * @return the earliest instant at which some region's state changes next
     */
    public Mono<Instant> publishChanges(boolean everyRegion) {
        Instant now = clock.instant();
        return planner.fromNow(now).flatMap(timelines -> Flux.fromIterable(timelines.entrySet())
                .concatMap(entry -> {
                    ProtectionState state = toEvent(entry.getValue().at(now), now);
                    if (!everyRegion && unchanged(state)) {
                        return Mono.empty();
                    }
                    return publisher.publish(Topics.PROTECTION, state.getRegion(), state).doOnNext(result -> {
                        sent.put(state.getRegion(), state);
                        log.info("Protection of {}: {} freeze={} until {} ({})", state.getRegion(), state.getLevel(),
                                state.getFreezeActive(), state.getFreezeUntil(), String.join(", ", state.getReasons()));
                        published.tryEmitNext(state);
                    });
                })
                .then(Mono.justOrEmpty(timelines.values().stream()
                        .map(timeline -> timeline.at(now).nextChangeAt())
                        .filter(Objects::nonNull)
                        .min(Instant::compareTo))));
    }

    /** Every state this instance publishes, as it publishes it. */
    public Flux<ProtectionState> published() {
        return published.asFlux();
    }

    private boolean unchanged(ProtectionState state) {
        ProtectionState mine = sent.get(state.getRegion());
        ProtectionState topic = onTheTopic.of(state.getRegion()).orElse(null);
        if (mine == null && topic == null) {
            return false;
        }
        return (mine == null || sameContent(mine, state)) && (topic == null || sameContent(topic, state));
    }

    static boolean sameContent(ProtectionState a, ProtectionState b) {
        ProtectionState comparable = ProtectionState.newBuilder(b).setEventId(a.getEventId()).setOccurredAt(a.getOccurredAt()).build();
        return a.equals(comparable);
    }

    static ProtectionState toEvent(Protection protection, Instant now) {
        return ProtectionState.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setRegion(protection.region())
                .setTimeZone(protection.zone().getId())
                .setLevel(protection.level())
                .setProfile(protection.profile())
                .setFreezeActive(protection.freezeActive())
                .setFreezeUntil(protection.freezeUntil())
                .setWeddingActive(protection.weddingActive())
                .setPeakSeason(protection.peakSeason())
                .setEmergency(protection.emergency())
                .setWeddingLoad(protection.weddingLoad())
                .setActiveWeddings(protection.activeWeddings())
                .setReasons(protection.reasons())
                .setNextChangeAt(protection.nextChangeAt())
                .build();
    }
}
