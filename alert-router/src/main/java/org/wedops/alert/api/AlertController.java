package org.wedops.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.delivery.QueuedNotification;
import org.wedops.alert.lifecycle.AlertState;
import org.wedops.alert.lifecycle.AlertStore;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertStore alerts;
    private final NotificationOutbox notifications;

    AlertController(AlertStore alerts, NotificationOutbox notifications) {
        this.alerts = alerts;
        this.notifications = notifications;
    }

    @GetMapping
    Flux<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String service,
                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            return Flux.error(new InvalidRequestException("limit", "must be between 1 and 1000"));
        }
        return alerts.list(state == null ? null : parseState(state), service, limit).map(alert -> AlertView.of(alert, null));
    }

    @GetMapping("/{fingerprint}")
    Mono<AlertView> alert(@PathVariable String fingerprint) {
        return alerts.find(fingerprint)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert with fingerprint " + fingerprint)))
                .flatMap(alert -> notifications.forAlert(fingerprint).map(NotificationView::of).collectList()
                        .map(history -> AlertView.of(alert, history)));
    }

    private static AlertState parseState(String state) {
        try {
            return AlertState.valueOf(state.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state", "must be one of FIRING, ACKNOWLEDGED, RESOLVED");
        }
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

    record NotificationView(String receiver, String channel, String kind, String status, int attempts, String lastError,
                            Instant queuedAt, Instant deliveredAt) {
        static NotificationView of(QueuedNotification n) {
            return new NotificationView(n.receiver(), n.channel(), n.kind(), n.status(), n.attempts(), n.lastError(),
                    n.createdAt(), n.deliveredAt());
        }
    }
}
