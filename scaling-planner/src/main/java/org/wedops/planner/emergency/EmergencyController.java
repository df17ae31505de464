package org.wedops.planner.emergency;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.planner.ScalingPlannerProperties;
import org.wedops.support.audit.AuditLog;
import org.wedops.planner.protection.ProtectionLoop;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/infrastructure/emergency/activate} and {@code /deactivate}: an ADMIN, with a written reason,
 * puts a region (or every region) into EMERGENCY — replicas floor raised to the emergency floor, deployments frozen
 * — or takes it out. Each is audited per region and announced as a CRITICAL alert (resolved on deactivation).
 */
@RestController
@RequestMapping("/api/infrastructure/emergency")
class EmergencyController {

    private final Emergencies emergencies;
    private final AuditLog audit;
    private final ProtectionLoop protection;
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final EventPublisher publisher;
    private final AlertSource alerts;
    private final TransactionalOperator transaction;
    private final ScalingPlannerProperties properties;
    private final Clock clock;

    EmergencyController(Emergencies emergencies, AuditLog audit, ProtectionLoop protection, EventPublisher publisher, AlertSource alerts,
                        TransactionalOperator transaction, ScalingPlannerProperties properties, Clock clock) {
        this.emergencies = emergencies;
        this.audit = audit;
        this.protection = protection;
        this.publisher = publisher;
        this.alerts = alerts;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param region one region; absent means every region the planner knows */
    record EmergencyRequest(String reason, String region) {
    }

    record EmergencyOutcome(boolean active, List<String> regions, String reason, String by, Instant at) {
    }

    @GetMapping
    Flux<Emergencies.Active> active() {
        return emergencies.active();
    }

    @PostMapping("/activate")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<EmergencyOutcome> activate(@RequestBody(required = false) EmergencyRequest request,
                                    Principal principal) {
        String reason = reasonOf(request);
        if (request.region() != null && !request.region().isBlank() && !REGION.matcher(request.region()).matches()) {
            throw new InvalidRequestException("region", "must be 1–40 lower-case letters, digits or '-'");
        }
        Instant now = clock.instant();
        return regions(request)
                .concatMap(region -> emergencies.declare(region, reason, principal.getName(), now, properties.defaultTimeZone().getId())
                        .then(audit.record(now, principal.getName(), "emergency.activate", region, reason, "ACTIVE"))
                        .thenReturn(region))
                .collectList()
                .as(transaction::transactional)
                .flatMap(regions -> announce(regions, AlertStatus.FIRING, reason, principal.getName(), now)
                        .doOnSuccess(done -> protection.changed())
                        .thenReturn(new EmergencyOutcome(true, regions, reason, principal.getName(), now)));
    }

    @PostMapping("/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<EmergencyOutcome> deactivate(@RequestBody(required = false) EmergencyRequest request,
                                      Principal principal) {
        String reason = reasonOf(request);
        Instant now = clock.instant();
        Flux<String> regions = request.region() == null || request.region().isBlank()
                ? emergencies.active().map(Emergencies.Active::region) : Flux.just(request.region());
        return regions
                .concatMap(region -> emergencies.end(region)
                        .flatMap(ended -> audit.record(now, principal.getName(), "emergency.deactivate", region, reason,
                                ended ? "ENDED" : "WAS_NOT_ACTIVE").thenReturn(ended))
                        .filter(Boolean::booleanValue)
                        .map(ended -> region))
                .collectList()
                .as(transaction::transactional)
                .flatMap(ended -> announce(ended, AlertStatus.RESOLVED, reason, principal.getName(), now)
                        .doOnSuccess(done -> protection.changed())
                        .thenReturn(new EmergencyOutcome(false, ended, reason, principal.getName(), now)));
    }

    private static String reasonOf(EmergencyRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidRequestException("reason", "a written reason is required");
        }
        if (request.reason().length() > 1000) {
            throw new InvalidRequestException("reason", "must be at most 1000 characters");
        }
        return request.reason().trim();
    }

    private Flux<String> regions(EmergencyRequest request) {
        return request.region() == null || request.region().isBlank() ? emergencies.knownRegions() : Flux.just(request.region());
    }

    private Mono<Void> announce(List<String> regions, AlertStatus status, String reason, String by, Instant now) {
        return Flux.fromIterable(regions).concatMap(region -> {
            Alert alert = alerts.alert(alerts.plainFingerprint("emergency", region), now)
                    .setName("EmergencyDeclared").setStatus(status).setSeverity(Severity.CRITICAL)
                    .setService("scaling-planner").setRegion(region)
                    .setSummary(status == AlertStatus.FIRING
                            ? "EMERGENCY declared in " + region + " by " + by + ": " + reason
                            : "EMERGENCY ended in " + region + " by " + by + ": " + reason)
                    .setStartsAt(now).setEndsAt(status == AlertStatus.RESOLVED ? now : null)
                    .setLabels(Map.of("region", region, "declaredBy", by))
                    .build();
            return publisher.publish(Topics.ALERTS, alert.getFingerprint(), alert);
        }).then();
    }
}
