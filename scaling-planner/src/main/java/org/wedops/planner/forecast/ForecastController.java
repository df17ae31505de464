package org.wedops.planner.forecast;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/infrastructure/scaling/forecast?service=&region=&from=&hours=}: the throughput forecast per hour
 * (default: the next 7 days, so the coming weekend is in it) and the model's error on past weeks.
 */
@RestController
@RequestMapping("/api/infrastructure/scaling/forecast")
@RequiredArgsConstructor
class ForecastController {

    private static final int MOST_HOURS = 24 * 14;

    private final Forecasts forecasts;
    private final Clock clock;

    @GetMapping
    Mono<Forecasts.Forecast> forecast(@RequestParam(required = false) String service, @RequestParam(required = false) String region,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                      @RequestParam(defaultValue = "168") int hours) {
        if (service == null || service.isBlank()) {
            throw new InvalidRequestException("service", "is required");
        }
        if (region == null || region.isBlank()) {
            throw new InvalidRequestException("region", "is required");
        }
        if (hours < 1 || hours > MOST_HOURS) {
            throw new InvalidRequestException("hours", "must be between 1 and " + MOST_HOURS);
        }
        return forecasts.forecast(service, region, from != null ? from : clock.instant(), hours);
    }
}
