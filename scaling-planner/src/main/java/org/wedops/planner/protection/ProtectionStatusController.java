package org.wedops.planner.protection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ThresholdProfile;

import reactor.core.publisher.Flux;

/** How protected each region is now and for how long, and its wedding load over a day. Computed afresh on each call. */
@RestController
@RequestMapping("/api/infrastructure")
@RequiredArgsConstructor
class ProtectionStatusController {

    private final ProtectionPlanner planner;
    private final Clock clock;

    /** DESIGN.md's fields first (region, level, freezeActive, freezeUntil, reasons), then the rest of the state. */
    record RegionStatus(String region, ProtectionLevel level, boolean freezeActive, Instant freezeUntil, List<String> reasons,
                        String timeZone, ThresholdProfile profile, boolean weddingActive, boolean peakSeason, boolean emergency,
                        double weddingLoad, int activeWeddings, Instant nextChangeAt) {

        static RegionStatus of(Protection p) {
            return new RegionStatus(p.region(), p.level(), p.freezeActive(), p.freezeUntil(), p.reasons(), p.zone().getId(), p.profile(),
                    p.weddingActive(), p.peakSeason(), p.emergency(), p.weddingLoad(), p.activeWeddings(), p.nextChangeAt());
        }
    }

    @GetMapping("/saturday-protection/status")
    Flux<RegionStatus> status(@RequestParam(required = false) String region) {
        return planner.now(clock.instant(), blankToNull(region)).map(RegionStatus::of);
    }

    /** The wedding load of a local day (default today) per region, as stretches of constant load. */
    @GetMapping("/metrics/wedding-load")
    Flux<WeddingLoad> weddingLoad(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) String region) {
        return planner.weddingLoads(date, blankToNull(region), clock.instant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
