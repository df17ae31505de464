package org.wedops.alert.api;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.escalation.Escalations;
import org.wedops.alert.lifecycle.AlertStore;

import reactor.core.publisher.Mono;

/** One alert as a person reads it: the alert, every notification that mentioned it, and where its escalation stands. */
@Component
@RequiredArgsConstructor
class AlertDetails {

    private final AlertStore alerts;
    private final NotificationOutbox notifications;
    private final Escalations escalations;

    Mono<AlertView> of(String fingerprint) {
        return alerts.find(fingerprint)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert with fingerprint " + fingerprint)))
                .flatMap(alert -> Mono.zip(notifications.forAlert(fingerprint).map(AlertView.NotificationView::of).collectList(),
                                escalations.standing(fingerprint).map(Optional::of).defaultIfEmpty(Optional.empty()))
                        .map(found -> AlertView.of(alert, found.getT1(), found.getT2().orElse(null))));
    }
}
