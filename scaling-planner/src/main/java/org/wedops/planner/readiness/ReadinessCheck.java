package org.wedops.planner.readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wedops.events.ProtectionLevel;
import org.wedops.planner.calendar.CalendarEntry;
import org.wedops.planner.calendar.WeddingCalendar;
import org.wedops.planner.deployments.DeploymentStatuses;
import org.wedops.planner.protection.DefaultZoneProperties;
import org.wedops.planner.protection.Interval;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.ProtectionPlanner;
import org.wedops.planner.protection.ProtectionProperties;
import org.wedops.planner.protection.ProtectionTimeline;
import org.wedops.planner.protection.WeddingTimes;
import org.wedops.planner.readiness.WeddingReadiness.ServiceReadiness;
import org.wedops.planner.scaling.ReplicaTarget;
import org.wedops.planner.scaling.ScalingProperties;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.targethealth.TargetHealthStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gathers, for every region with weddings on a day, what {@link WeddingReadiness} judges: the weddings' window and
 * its protection, the managed services' replicas now, the unhealthy targets and the pending deployments.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReadinessCheck {

    public record RegionReadiness(String region, String timeZone, List<String> weddings, Instant windowFrom, Instant windowTo,
                                  ProtectionLevel highestLevel, List<ServiceReadiness> services,
                                  List<TargetHealthStore.UnhealthyTarget> unhealthyTargets,
                                  List<DeploymentStatuses.PendingDeployment> pendingDeployments, boolean ready, List<String> problems) {
    }

    public record Readiness(LocalDate date, boolean ready, List<RegionReadiness> regions) {
    }

    private final WeddingCalendar calendar;
    private final ProtectionPlanner planner;
    private final ReplicaTarget target;
    private final TargetHealthStore health;
    private final DeploymentStatuses deployments;
    private final ScalingProperties scaling;
    private final ProtectionProperties protection;
    private final DefaultZoneProperties zones;
    private final Clock clock;

    /** @param date the day; today (UTC) when null */
    public Mono<Readiness> of(LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        Instant now = clock.instant();
        return calendar.between(day, day, null)
                .filter(entry -> "SCHEDULED".equals(entry.status()))
                .collect(Collectors.groupingBy(CalendarEntry::region))
                .flatMap(byRegion -> {
                    if (byRegion.isEmpty()) {
                        return Mono.just(new Readiness(day, true, List.of()));
                    }
                    Interval all = window(byRegion.values().stream().flatMap(List::stream).toList());
                    return planner.between(all.start(), all.end().plus(Duration.ofHours(1)), null)
                            .flatMapMany(timelines -> Flux.fromIterable(byRegion.entrySet())
                                    .concatMap(entry -> region(entry.getKey(), entry.getValue(), timelines.get(entry.getKey()), now)))
                            .collectList()
                            .map(regions -> new Readiness(day, regions.stream().allMatch(r -> r.ready()), regions));
                });
    }

    private Mono<RegionReadiness> region(String region, List<CalendarEntry> weddings, ProtectionTimeline timeline, Instant now) {
        Interval window = window(weddings);
        List<Protection> stretches = timeline.between(window.start(), window.end());
        List<ManagedService> services = scaling.services().stream().filter(s -> s.region().equals(region)).toList();
        Mono<List<ServiceReadiness>> scaled = Flux.fromIterable(services)
                .concatMap(service -> {
                    int required = WeddingReadiness.requiredReplicas(service.replicas().policy(), stretches);
                    return target.current(service).onErrorReturn(-1).map(current -> ServiceReadiness.of(service.name(), current, required));
                })
                .collectList();
        Instant healthSince = now.minus(scaling.unhealthyWithin());
        return Mono.zip(scaled, health.unhealthy(region, healthSince).collectList(), deployments.pending(region).collectList())
                .map(found -> {
                    List<String> problems = WeddingReadiness.problems(found.getT1(), found.getT2(), found.getT3());
                    ZoneId zone = stretches.isEmpty() ? zones.defaultTimeZone() : stretches.get(0).zone();
                    return new RegionReadiness(region, zone.getId(), weddings.stream().map(CalendarEntry::id).toList(), window.start(),
                            window.end(), WeddingReadiness.highestLevel(stretches), found.getT1(), found.getT2(), found.getT3(),
                            problems.isEmpty(), problems);
                });
    }

    private Interval window(List<CalendarEntry> weddings) {
        return WeddingReadiness.window(weddings.stream().map(ReadinessCheck::times).toList(), protection.beforeWedding(),
                protection.afterWedding());
    }

    private static WeddingTimes times(CalendarEntry entry) {
        return new WeddingTimes(entry.date(), LocalTime.parse(entry.startTime()), LocalTime.parse(entry.endTime()), entry.days(),
                ZoneId.of(entry.timeZone()));
    }
}
