package org.wedops.planner.regions;

import java.math.BigDecimal;
import java.security.Principal;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.planner.regions.RegionSettings.CultureFactor;
import org.wedops.planner.regions.RegionSettings.Region;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Regions with their time zones and the cultural factors of the wedding load; edits need a reason ({@link RegionSettings}). */
@RestController
@RequestMapping("/api/infrastructure")
@RequiredArgsConstructor
class RegionController {

    private final RegionSettings settings;

    record RegionChange(String timeZone, String reason) {
    }

    record FactorChange(BigDecimal factor, String reason) {
    }

    @GetMapping("/regions")
    Flux<Region> regions() {
        return settings.regions();
    }

    @PutMapping("/regions/{id}")
    Mono<Region> putRegion(@PathVariable String id, @RequestBody RegionChange change, Principal principal) {
        return settings.putRegion(id, change.timeZone(), change.reason(), principal.getName());
    }

    @GetMapping("/culture-factors")
    Flux<CultureFactor> factors() {
        return settings.factors();
    }

    @PutMapping("/culture-factors/{culture}")
    Mono<CultureFactor> putFactor(@PathVariable String culture, @RequestBody FactorChange change, Principal principal) {
        return settings.putFactor(culture, change.factor(), change.reason(), principal.getName());
    }
}
