package org.wedops.planner.protection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
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
        Instant horizon = to.plus(Duration.ofDays(7));
        return calendars.load(from, horizon, region).map(loaded -> {
            Map<String, ProtectionTimeline> timelines = new LinkedHashMap<>();
            loaded.forEach((name, calendar) -> timelines.put(name, ProtectionTimeline.compute(policy, calendar, from, horizon)));
            return timelines;
        });
    }

    /** Each region's protection now, or one region's ({@code region} null: every region). */
    public Flux<Protection> now(Instant now, String region) {
        return fromNow(now).flatMapIterable(Map::values)
                .map(timeline -> timeline.at(now))
                .filter(protection -> region == null || protection.region().equals(region));
    }

    /**
     * The wedding load of a local day per region ({@code region} null: every region); {@code date} null means each
     * region's own today. An unknown region is a 404.
     */
    public Flux<WeddingLoad> weddingLoads(LocalDate date, String region, Instant now) {
        Interval read = WeddingLoad.readAround(date != null ? date : LocalDate.ofInstant(now, ZoneId.of("UTC")));
        return between(read.start(), read.end(), region)
                .flatMapMany(timelines -> region != null && !timelines.containsKey(region)
                        ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no region " + region))
                        : Flux.fromIterable(timelines.entrySet()))
                .map(entry -> {
                    ZoneId zone = entry.getValue().stretches().get(0).zone();
                    LocalDate day = date != null ? date : LocalDate.ofInstant(now, zone);
                    Interval local = WeddingLoad.localDay(day, zone);
                    return WeddingLoad.of(entry.getKey(), zone, day, entry.getValue().between(local.start(), local.end()));
                });
    }

    public ProtectionPolicy policy() {
        return policy;
    }
}
