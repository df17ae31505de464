package org.wedops.alert.api;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.support.audit.AuditLog;
import org.wedops.alert.delivery.DispatchTrigger;
import org.wedops.alert.delivery.NotificationOutbox;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.Integration;
import org.wedops.alert.integration.Integrations;
import org.wedops.alert.routing.Routing;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An ADMIN tells every integration of one receiver (e.g. leadership) something at once; audited. */
@RestController
@RequestMapping("/api/emergency/alerts/broadcast")
class BroadcastController {

    private final Routing routing;
    private final Integrations integrations;
    private final NotificationOutbox outbox;
    private final AuditLog audit;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final Clock clock;

    BroadcastController(Routing routing, Integrations integrations, NotificationOutbox outbox, AuditLog audit, DispatchTrigger trigger,
                        TransactionalOperator transaction, Clock clock) {
        this.routing = routing;
        this.integrations = integrations;
        this.outbox = outbox;
        this.audit = audit;
        this.trigger = trigger;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResponseEntity<Map<String, Object>>> broadcast(@Valid @RequestBody Broadcast request, Principal principal) {
        if (!routing.config().receivers().containsKey(request.receiver())) {
            return Mono.error(new InvalidRequestException("receiver", "no receiver named '" + request.receiver() + "'"));
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        List<Integration> targets = integrations.of(request.receiver());
        GroupNotification content = new GroupNotification("BROADCAST", request.receiver(), "broadcast/" + id,
                Map.of("alertname", "Broadcast", "from", principal.getName()), List.of(), List.of(),
                request.message() + " — " + principal.getName() + " (" + request.reason() + ")");
        return Flux.fromIterable(targets)
                .concatMap(integration -> outbox.enqueue("broadcast/" + id + ":" + integration.name(), content, integration, null, List.of(), now))
                .then(audit.record(now, principal.getName(), "broadcast", request.receiver(), request.reason(), "QUEUED to " + targets.size()))
                .as(transaction::transactional)
                .doOnSuccess(done -> trigger.poke())
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.<String, Object>of("id", id, "integrations",
                        targets.stream().map(Integration::name).toList())));
    }

    record Broadcast(@NotBlank String receiver, @NotBlank @Size(max = 2000) String message, @NotBlank @Size(max = 500) String reason) {
    }
}
