package org.wedops.planner.protection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How protected each region is now and for how long, and its wedding load over a day. Computed afresh on each call. */
@RestController
@RequestMapping("/api/infrastructure")
class ProtectionStatusController {

    private final ProtectionPlanner planner;
    private final Clock clock;

    ProtectionStatusController(ProtectionPlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    /** DESIGN.md's fields first (region, level, freezeActive, freezeUntil, reasons), then the rest of the state. */
    record RegionStatus(String region, ProtectionLevel level, boolean freezeActive, Instant freezeUntil, List<String> reasons,
                        String timeZone, ThresholdProfile profile, boolean weddingActive, boolean peakSeason, boolean emergency,
                        double weddingLoad, int activeWeddings, Instant nextChangeAt) {

        static RegionStatus of(Protection p) {
            return new RegionStatus(p.region(), p.level(), p.freezeActive(), p.freezeUntil(), p.reasons(), p.zone().getId(), p.profile(),
                    p.weddingActive(), p.peakSeason(), p.emergency(), p.weddingLoad(), p.activeWeddings(), p.nextChangeAt());
        }
    }

    record LoadStretch(Instant from, Instant to, ProtectionLevel level, double weddingLoad, int activeWeddings, boolean freezeActive,
                       boolean weddingActive, List<String> reasons) {
    }

    record WeddingLoad(String region, String timeZone, LocalDate date, double peakLoad, Instant peakAt, ProtectionLevel highestLevel,
                       List<LoadStretch> stretches) {
    }

    @GetMapping("/saturday-protection/status")
    Flux<RegionStatus> status(@RequestParam(required = false) String region) {
        Instant now = clock.instant();
        return planner.fromNow(now).flatMapIterable(Map::values)
                .map(timeline -> RegionStatus.of(timeline.at(now)))
                .filter(status -> region == null || region.isBlank() || status.region().equals(region));
    }

    /** The wedding load of a local day (default today) per region, as stretches of constant load. */
    @GetMapping("/metrics/wedding-load")
    Flux<WeddingLoad> weddingLoad(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) String region) {
        String only = region == null || region.isBlank() ? null : region;
        Instant now = clock.instant();
        // a local day spans [-14 h, +12 h] around the UTC day: read enough around it, then cut each region's day out
        LocalDate day = date != null ? date : LocalDate.now(clock);
        Instant from = day.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(java.time.Duration.ofHours(15));
        Instant to = day.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant().plus(java.time.Duration.ofHours(15));
        return planner.between(from, to, only)
                .flatMapMany(timelines -> {
                    if (only != null && !timelines.containsKey(only)) {
                        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no region " + only));
                    }
                    return Flux.fromIterable(timelines.entrySet());
                })
                .map(entry -> {
                    ZoneId zone = entry.getValue().stretches().get(0).zone();
                    LocalDate localDay = date != null ? date : LocalDate.ofInstant(now, zone);
                    Instant dayStart = localDay.atStartOfDay(zone).toInstant();
                    Instant dayEnd = localDay.plusDays(1).atStartOfDay(zone).toInstant();
                    List<LoadStretch> stretches = new ArrayList<>();
                    double peak = 0;
                    Instant peakAt = dayStart;
                    ProtectionLevel highest = ProtectionLevel.NORMAL;
                    for (Protection p : entry.getValue().between(dayStart, dayEnd)) {
                        Instant start = p.from().isBefore(dayStart) ? dayStart : p.from();
                        Instant end = p.nextChangeAt() == null || p.nextChangeAt().isAfter(dayEnd) ? dayEnd : p.nextChangeAt();
                        stretches.add(new LoadStretch(start, end, p.level(), p.weddingLoad(), p.activeWeddings(), p.freezeActive(),
                                p.weddingActive(), p.reasons()));
                        if (p.weddingLoad() > peak) {
                            peak = p.weddingLoad();
                            peakAt = start;
                        }
                        if (p.level().ordinal() > highest.ordinal()) {
                            highest = p.level();
                        }
                    }
                    return new WeddingLoad(entry.getKey(), zone.getId(), localDay, peak, peakAt, highest, stretches);
                });
    }
}
