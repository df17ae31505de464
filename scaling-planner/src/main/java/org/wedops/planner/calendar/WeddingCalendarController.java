package org.wedops.planner.calendar;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.planner.ScalingPlannerProperties;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/weddings")
class WeddingCalendarController {

    private final WeddingCalendar calendar;
    private final ScalingPlannerProperties properties;
    private final Clock clock;

    WeddingCalendarController(WeddingCalendar calendar, ScalingPlannerProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Weddings on any day from {@code from} (default today, UTC) to {@code to} (both inclusive, local dates). */
    @GetMapping
    Flux<CalendarEntry> weddings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String region) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : start.plus(properties.defaultCalendarSpan());
        if (end.isBefore(start)) {
            throw new InvalidRequestException("to", "must not be before 'from'");
        }
        if (end.isAfter(start.plus(properties.maxCalendarSpan()))) {
            throw new InvalidRequestException("to", "must be at most " + properties.maxCalendarSpan() + " after 'from'");
        }
        return calendar.between(start, end, region == null || region.isBlank() ? null : region);
    }
}
