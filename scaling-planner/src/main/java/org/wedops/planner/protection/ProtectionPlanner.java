package org.wedops.planner.protection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The protection timelines of the regions, computed from the database with the configured policy. */
@Component
public class ProtectionPlanner {

    private final RegionCalendars calendars;
    private final ProtectionPolicy policy;
    private final ProtectionProperties properties;

    ProtectionPlanner(RegionCalendars calendars, ProtectionProperties properties) {
        this.calendars = calendars;
        this.policy = properties.policy();
        this.properties = properties;
    }

    /** Every region's timeline from now to the configured horizon. */
    public Mono<Map<String, ProtectionTimeline>> fromNow(Instant now) {
        return between(now, now.plus(properties.horizon()), null);
    }

    /** One region's timeline from now to the horizon; empty when the region is unknown. */
    public Mono<ProtectionTimeline> fromNow(String region, Instant now) {
        return between(now, now.plus(properties.horizon()), region).flatMap(all -> Mono.justOrEmpty(all.get(region)));
    }

    /** Timelines over [from, to) (plus a week, so that freezes running past {@code to} end where they really end). */
    public Mono<Map<String, ProtectionTimeline>> between(Instant from, Instant to, String region) {
        Instant horizon = to.plus(java.time.Duration.ofDays(7));
        return calendars.load(from, horizon, region).map(loaded -> {
            Map<String, ProtectionTimeline> timelines = new LinkedHashMap<>();
            loaded.forEach((name, calendar) -> timelines.put(name, ProtectionTimeline.compute(policy, calendar, from, horizon)));
            return timelines;
        });
    }

    public ProtectionPolicy policy() {
        return policy;
    }
}
