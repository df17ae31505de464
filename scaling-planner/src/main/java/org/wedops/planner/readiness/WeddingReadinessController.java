package org.wedops.planner.readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.events.ProtectionLevel;
import org.wedops.planner.ScalingPlannerProperties;
import org.wedops.planner.ScalingPlannerProperties.ManagedService;
import org.wedops.planner.calendar.CalendarEntry;
import org.wedops.planner.calendar.WeddingCalendar;
import org.wedops.planner.deployments.DeploymentStatuses;
import org.wedops.planner.protection.Interval;
import org.wedops.planner.protection.PlannedWedding;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.ProtectionPlanner;
import org.wedops.planner.protection.ProtectionTimeline;
import org.wedops.planner.scaling.ReplicaTarget;
import org.wedops.planner.targethealth.TargetHealthStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/infrastructure/health/wedding-readiness?date=}: for every region with weddings that day, are the
 * managed services' replicas already at what the weddings' windows need, is any target unhealthy, and is any
 * deployment still on its way inside the window. Ready only when all three hold everywhere.
 */
@RestController
@RequestMapping("/api/infrastructure/health/wedding-readiness")
class WeddingReadinessController {

    private final WeddingCalendar calendar;
    private final ProtectionPlanner planner;
    private final ReplicaTarget target;
    private final TargetHealthStore health;
    private final DeploymentStatuses deployments;
    private final ScalingPlannerProperties properties;
    private final Clock clock;

    WeddingReadinessController(WeddingCalendar calendar, ProtectionPlanner planner, ReplicaTarget target, TargetHealthStore health,
                               DeploymentStatuses deployments, ScalingPlannerProperties properties, Clock clock) {
        this.calendar = calendar;
        this.planner = planner;
        this.target = target;
        this.health = health;
        this.deployments = deployments;
        this.properties = properties;
        this.clock = clock;
    }

    record ServiceReadiness(String service, int currentReplicas, int requiredReplicas, boolean preScaled) {
    }

    record RegionReadiness(String region, String timeZone, List<String> weddings, Instant windowFrom, Instant windowTo,
                           ProtectionLevel highestLevel, List<ServiceReadiness> services, List<TargetHealthStore.UnhealthyTarget> unhealthyTargets,
                           List<DeploymentStatuses.PendingDeployment> pendingDeployments, boolean ready, List<String> problems) {
    }

    record Readiness(LocalDate date, boolean ready, List<RegionReadiness> regions) {
    }

    @GetMapping
    Mono<Readiness> readiness(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        Instant now = clock.instant();
        return calendar.between(day, day, null)
                .filter(entry -> "SCHEDULED".equals(entry.status()))
                .collect(Collectors.groupingBy(CalendarEntry::region))
                .flatMap(byRegion -> {
                    if (byRegion.isEmpty()) {
                        return Mono.just(new Readiness(day, true, List.of()));
                    }
                    Interval span = span(byRegion);
                    return planner.between(span.start(), span.end(), null)
                            .flatMapMany(timelines -> Flux.fromIterable(byRegion.entrySet())
                                    .concatMap(entry -> region(entry.getKey(), entry.getValue(), timelines.get(entry.getKey()), now)))
                            .collectList()
                            .map(regions -> new Readiness(day, regions.stream().allMatch(r -> r.ready()), regions));
                });
    }

    private Mono<RegionReadiness> region(String region, List<CalendarEntry> weddings, ProtectionTimeline timeline, Instant now) {
        Interval window = window(weddings);
        List<Protection> stretches = timeline.between(window.start(), window.end());
        ProtectionLevel highest = stretches.stream().map(Protection::level).max(Enum::compareTo).orElse(ProtectionLevel.NORMAL);
        List<ManagedService> services = properties.scaling().services().stream().filter(s -> s.region().equals(region)).toList();
        Mono<List<ServiceReadiness>> scaled = Flux.fromIterable(services)
                .concatMap(service -> {
                    int required = stretches.stream()
                            .mapToInt(p -> service.replicas().policy().protectedFloor(p.baseLevel(), p.peakSeason(), p.emergency()))
                            .max().orElse(service.replicas().normal());
                    int clamped = service.replicas().policy().clamp(required);
                    return target.current(service).onErrorReturn(-1)
                            .map(current -> new ServiceReadiness(service.name(), current, clamped, current >= clamped));
                })
                .collectList();
        Instant healthSince = now.minus(properties.scaling().unhealthyWithin());
        return Mono.zip(scaled, health.unhealthy(region, healthSince).collectList(), deployments.pending(region).collectList())
                .map(found -> {
                    List<String> problems = new ArrayList<>();
                    found.getT1().stream().filter(s -> !s.preScaled()).forEach(s -> problems.add(s.service() + " has "
                            + s.currentReplicas() + " replicas, the window needs " + s.requiredReplicas()));
                    found.getT2().forEach(t -> problems.add(t.targetId() + " is " + t.status()));
                    found.getT3().forEach(d -> problems.add("deployment " + d.deploymentId() + " of " + d.service() + " is " + d.phase()));
                    ZoneId zone = stretches.isEmpty() ? properties.defaultTimeZone() : stretches.get(0).zone();
                    return new RegionReadiness(region, zone.getId(), weddings.stream().map(CalendarEntry::id).toList(), window.start(),
                            window.end(), highest, found.getT1(), found.getT2(), found.getT3(), problems.isEmpty(), problems);
                });
    }

    /** From the first wedding window's start to the last one's end, of the region's weddings that day. */
    private Interval window(List<CalendarEntry> weddings) {
        Instant start = null;
        Instant end = null;
        for (CalendarEntry entry : weddings) {
            Interval window = planned(entry).freezeWindow(properties.protection().beforeWedding(), properties.protection().afterWedding());
            start = start == null || window.start().isBefore(start) ? window.start() : start;
            end = end == null || window.end().isAfter(end) ? window.end() : end;
        }
        return new Interval(start, end);
    }

    private Interval span(Map<String, List<CalendarEntry>> byRegion) {
        Instant start = null;
        Instant end = null;
        for (List<CalendarEntry> weddings : byRegion.values()) {
            Interval window = window(weddings);
            start = start == null || window.start().isBefore(start) ? window.start() : start;
            end = end == null || window.end().isAfter(end) ? window.end() : end;
        }
        return new Interval(start, end.plus(Duration.ofHours(1)));
    }

    private static PlannedWedding planned(CalendarEntry entry) {
        return new PlannedWedding(entry.id(), entry.culture(), entry.guestCount(), 1.0, entry.date(), LocalTime.parse(entry.startTime()),
                LocalTime.parse(entry.endTime()), entry.days(), ZoneId.of(entry.timeZone()));
    }
}
