package org.wedops.alert.api;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.delivery.QueuedNotification;
import org.wedops.alert.intake.AlertActions;
import org.wedops.alert.lifecycle.AlertQuery;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.events.Alert;
import org.wedops.events.AlertSource;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.Topics;
import org.wedops.support.kafka.EventPublisher;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertStore alerts;
    private final NotificationOutbox notifications;
    private final AlertActions actions;
    private final EventPublisher publisher;
    private final AlertSource manual;

    AlertController(AlertStore alerts, NotificationOutbox notifications, AlertActions actions, EventPublisher publisher, Clock clock) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.actions = actions;
        this.publisher = publisher;
        this.manual = new AlertSource("manual", clock);
    }

    @GetMapping
    Flux<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
                         @RequestParam(required = false) String service, @RequestParam(required = false) String region,
                         @RequestParam(required = false) String since, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            return Flux.error(new InvalidRequestException("limit", "must be between 1 and 1000"));
        }
        AlertQuery query = new AlertQuery(state == null ? null : parseState(state), severity == null ? null : parseSeverity(severity),
                service, region, since == null ? null : parseSince(since), limit);
        return alerts.list(query).map(alert -> AlertView.of(alert, null));
    }

    @GetMapping("/{fingerprint}")
    Mono<AlertView> alert(@PathVariable String fingerprint) {
        return alerts.find(fingerprint)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert with fingerprint " + fingerprint)))
                .flatMap(alert -> notifications.forAlert(fingerprint).map(NotificationView::of).collectList()
                        .map(history -> AlertView.of(alert, history)));
    }

    /** A person raises an alert; it takes the same path as every other alert, through ops.alerts.v1. */
    @PostMapping
    Mono<ResponseEntity<Map<String, String>>> raise(@Valid @RequestBody RaisedAlert raised, Principal principal) {
        Map<String, String> labels = new TreeMap<>(raised.labels() == null ? Map.of() : raised.labels());
        labels.put("raised_by", principal.getName());
        String fingerprint = fingerprint(raised, labels);
        Alert.Builder builder = manual.alert(fingerprint);
        Alert alert = builder.setName(raised.name()).setStatus(AlertStatus.FIRING)
                .setSeverity(Severity.valueOf(raised.severity())).setService(raised.service()).setRegion(raised.region())
                .setSummary(raised.summary()).setStartsAt(builder.getOccurredAt()).setRunbookUrl(raised.runbookUrl())
                .setLabels(labels)
                .build();
        return publisher.publish(Topics.ALERTS, fingerprint, alert)
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("fingerprint", fingerprint)));
    }

    @PostMapping("/{fingerprint}/ack")
    Mono<AlertView> acknowledge(@PathVariable String fingerprint, @RequestBody(required = false) Comment comment, Principal principal) {
        return actions.acknowledge(fingerprint, principal.getName(), comment == null ? null : comment.comment())
                .map(alert -> AlertView.of(alert, null));
    }

    @PostMapping("/{fingerprint}/resolve")
    Mono<AlertView> resolve(@PathVariable String fingerprint, @RequestBody(required = false) Comment comment, Principal principal) {
        return actions.resolve(fingerprint, principal.getName(), comment == null ? null : comment.comment())
                .map(alert -> AlertView.of(alert, null));
    }

    private String fingerprint(RaisedAlert raised, Map<String, String> labels) {
        Map<String, String> identity = new TreeMap<>(labels);
        identity.remove("raised_by");
        return manual.fingerprint(raised.name(), raised.service(), String.valueOf(raised.region()), identity.toString());
    }

    private static String parseSeverity(String severity) {
        try {
            return Severity.valueOf(severity.toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("severity", "must be one of CRITICAL, HIGH, MEDIUM, LOW");
        }
    }

    private static Instant parseSince(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "must be an ISO-8601 instant such as 2026-06-06T14:00:00Z");
        }
    }

    private static AlertState parseState(String state) {
        try {
            return AlertState.valueOf(state.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of FIRING, ACKNOWLEDGED, RESOLVED");
        }
    }

    record RaisedAlert(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*", message = "letters, digits and '_', starting with a letter") String name,
            @NotNull @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW", message = "must be one of CRITICAL, HIGH, MEDIUM, LOW") String severity,
            @NotBlank @Size(max = 100) String service,
            @Size(max = 50) String region,
            @NotBlank @Size(max = 1000) String summary,
            @Size(max = 500) String runbookUrl,
            @Size(max = 20, message = "at most 20 labels") Map<String, String> labels) {
    }

    record Comment(@Size(max = 1000) String comment) {
    }

    record AlertView(String fingerprint, String name, String severity, String service, String region, String summary,
                     String source, String profile, Map<String, String> labels, String state, Instant startsAt,
                     Instant endsAt, String acknowledgedBy, Instant acknowledgedAt, List<NotificationView> notifications) {
        static AlertView of(StoredAlert alert, List<NotificationView> notifications) {
            return new AlertView(alert.fingerprint(), alert.name(), alert.severity(), alert.service(), alert.region(),
                    alert.summary(), alert.source(), alert.profile(), alert.labels(), alert.state().name(), alert.startsAt(),
                    alert.endsAt(), alert.acknowledgedBy(), alert.acknowledgedAt(), notifications);
        }
    }

    record NotificationView(String integration, String channel, String kind, String title, String status, int attempts,
                            String lastError, Instant queuedAt, Instant deliveredAt) {
        static NotificationView of(QueuedNotification n) {
            return new NotificationView(n.integration(), n.channel(), n.kind(), n.title(), n.status(), n.attempts(), n.lastError(),
                    n.createdAt(), n.deliveredAt());
        }
    }
}
