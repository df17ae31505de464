package org.wedops.alert.api;

import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.alert.intake.AlertActions;
import org.wedops.alert.intake.ManualAlerts;
import org.wedops.alert.lifecycle.AlertQuery;
import org.wedops.alert.lifecycle.AlertStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/alerts")
@RequiredArgsConstructor
class AlertController {

    private final AlertStore alerts;
    private final AlertDetails details;
    private final AlertActions actions;
    private final ManualAlerts manual;

    @GetMapping
    Flux<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
                         @RequestParam(required = false) String service, @RequestParam(required = false) String region,
                         @RequestParam(required = false) String since, @RequestParam(defaultValue = "100") int limit) {
        AlertQuery query = new AlertListParameters(state, severity, service, region, since, limit).query();
        return alerts.list(query).map(alert -> AlertView.of(alert, null, null));
    }

    @GetMapping("/{fingerprint}")
    Mono<AlertView> alert(@PathVariable String fingerprint) {
        return details.of(fingerprint);
    }

    /** A person raises an alert; it takes the same path as every other alert, through ops.alerts.v1. */
    @PostMapping
    Mono<ResponseEntity<Map<String, String>>> raise(@Valid @RequestBody ManualAlerts.Raised raised, Principal principal) {
        return manual.raise(raised, principal.getName())
                .map(fingerprint -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("fingerprint", fingerprint)));
    }

    @PostMapping("/{fingerprint}/ack")
    Mono<AlertView> acknowledge(@PathVariable String fingerprint, @RequestBody(required = false) Comment comment, Principal principal) {
        return actions.acknowledge(fingerprint, principal.getName(), comment == null ? null : comment.comment())
                .map(alert -> AlertView.of(alert, null, null));
    }

    @PostMapping("/{fingerprint}/resolve")
    Mono<AlertView> resolve(@PathVariable String fingerprint, @RequestBody(required = false) Comment comment, Principal principal) {
        return actions.resolve(fingerprint, principal.getName(), comment == null ? null : comment.comment())
                .map(alert -> AlertView.of(alert, null, null));
    }

    record Comment(@Size(max = 1000) String comment) {
    }
}
