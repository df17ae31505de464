package org.wedops.planner.readiness;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/infrastructure/health/wedding-readiness?date=}: for every region with weddings that day, whether it
 * is ready for them ({@link WeddingReadiness}).
 */
@RestController
@RequestMapping("/api/infrastructure/health/wedding-readiness")
@RequiredArgsConstructor
class WeddingReadinessController {

    private final ReadinessCheck check;

    @GetMapping
    Mono<ReadinessCheck.Readiness> readiness(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return check.of(date);
    }
}
