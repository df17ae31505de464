package org.wedops.apm.models;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Models' drift, accuracy and segment gaps now: the recently observed ones at a glance, or one in full. */
@RestController
@RequestMapping("/api/apm/models")
@RequiredArgsConstructor
class ModelController {

    private final ModelListing models;

    /**
     * The models observed in the last 7 days, the most recently observed first; {@code more} says whether others were
     * left out.
     *
     * @param limit     1-50, 20 when absent
     * @param reference as for one model
     */
    @GetMapping
    Mono<ModelListing.ModelList> list(@RequestParam(required = false) String limit, @RequestParam(required = false) String reference) {
        return models.list(limit, reference);
    }

    /** @param reference PREVIOUS_PERIOD, SAME_WEEKDAY or SAME_SEASON; the configured one when absent */
    @GetMapping("/{id}")
    Mono<ModelReport> report(@PathVariable String id, @RequestParam(required = false) String reference) {
        return models.report(id, reference);
    }
}
