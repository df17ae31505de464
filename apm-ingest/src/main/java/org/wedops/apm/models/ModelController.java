package org.wedops.apm.models;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/** A model's drift, accuracy and segment gaps now. */
@RestController
@RequestMapping("/api/apm/models")
class ModelController {

    private final ModelReports reports;
    private final ModelMonitoringProperties settings;

    ModelController(ModelReports reports, ModelMonitoringProperties settings) {
        this.reports = reports;
        this.settings = settings;
    }

    /** @param reference PREVIOUS_PERIOD, SAME_WEEKDAY or SAME_SEASON; the configured one when absent */
    @GetMapping("/{id}")
    Mono<ModelReport> report(@PathVariable String id, @RequestParam(required = false) String reference) {
        return reports.of(id, reference == null ? settings.reference() : referenceWindow(reference))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "model " + id + " was never observed")));
    }

    private static ReferenceWindow referenceWindow(String reference) {
        try {
            return ReferenceWindow.valueOf(reference.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("reference", "must be one of " + Arrays.toString(ReferenceWindow.values()));
        }
    }
}
