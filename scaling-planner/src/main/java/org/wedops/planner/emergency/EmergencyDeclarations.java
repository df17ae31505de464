package org.wedops.planner.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.planner.protection.DefaultZoneProperties;
import org.wedops.planner.protection.ProtectionInputsChanged;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An ADMIN, with a written reason, puts a region (or every region) into EMERGENCY — replicas floor raised to the
 * emergency floor, deployments frozen — or takes it out. The change and its audit rows (one per region) commit
 * together; only then is it announced as a CRITICAL alert (resolved on the way out) and protection republished.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EmergencyDeclarations {

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** What was done, to whom it was done and why. */
    public record Outcome(boolean active, List<String> regions, String reason, String by, Instant at) {
    }

    private final Emergencies emergencies;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final AlertSource alerts;
    private final ApplicationEventPublisher protection;
    private final TransactionalOperator transaction;
    private final DefaultZoneProperties zones;
    private final Clock clock;

    /** @param region one region; null or blank means every region the planner knows */
    public Mono<Outcome> declare(String region, String reason, String by) {
        String why = reasonOf(reason);
        if (region != null && !region.isBlank() && !REGION.matcher(region).matches()) {
            throw new InvalidRequestException("region", "must be 1–40 lower-case letters, digits or '-'");
        }
        Instant now = clock.instant();
        Flux<String> regions = region == null || region.isBlank() ? emergencies.knownRegions() : Flux.just(region);
        return regions
                .concatMap(each -> emergencies.declare(each, why, by, now, zones.defaultTimeZone().getId())
                        .then(audit.record(now, by, "emergency.activate", each, why, "ACTIVE"))
                        .thenReturn(each))
                .collectList()
                .as(transaction::transactional)
                .flatMap(declared -> announce(declared, AlertStatus.FIRING, why, by, now)
                        .thenReturn(new Outcome(true, declared, why, by, now)));
    }

    /** @param region one region; null or blank means every region in emergency */
    public Mono<Outcome> end(String region, String reason, String by) {
        String why = reasonOf(reason);
        Instant now = clock.instant();
        Flux<String> regions = region == null || region.isBlank() ? emergencies.active().map(Emergencies.Active::region) : Flux.just(region);
        return regions
                .concatMap(each -> emergencies.end(each)
                        .flatMap(ended -> audit.record(now, by, "emergency.deactivate", each, why, ended ? "ENDED" : "WAS_NOT_ACTIVE")
                                .thenReturn(ended))
                        .filter(Boolean::booleanValue)
                        .map(ended -> each))
                .collectList()
                .as(transaction::transactional)
                .flatMap(ended -> announce(ended, AlertStatus.RESOLVED, why, by, now)
                        .thenReturn(new Outcome(false, ended, why, by, now)));
    }

    private static String reasonOf(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "a written reason is required");
        }
        if (reason.length() > 1000) {
            throw new InvalidRequestException("reason", "must be at most 1000 characters");
        }
        return reason.trim();
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
        }).then(Mono.fromRunnable(() -> protection.publishEvent(new ProtectionInputsChanged("emergency in " + regions))));
    }
}
